package org.supportdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SupportdeskApplication {

    static final String AOT = "spring.aot.enabled";

    public static void main(String[] args) {
        useAheadOfTimeDefinitions();
        SpringApplication.run(SupportdeskApplication.class, args);
    }

    /**
     * Started from the packaged jar, the service runs on the bean definitions that the build
     * generated ahead of time (spring-boot-maven-plugin's process-aot): no configuration classes to
     * parse and no conditions to evaluate at start-up, about a sixth of its CPU time
     * (docs/BENCHMARKS.md). Not from target/classes (`./mvnw spring-boot:run`, an IDE), whose
     * generated code may be older than the sources, nor when `-Dspring.aot.enabled` says otherwise.
     */
    static void useAheadOfTimeDefinitions() {
        if (System.getProperty(AOT) != null) {
            return;
        }
        var source = SupportdeskApplication.class.getProtectionDomain().getCodeSource();
        boolean packaged = source != null && source.getLocation().toString().contains(".jar");
        boolean generated =
                SupportdeskApplication.class.getResource("SupportdeskApplication__ApplicationContextInitializer.class")
                        != null;
        if (packaged && generated) {
            System.setProperty(AOT, "true");
        }
    }
}
