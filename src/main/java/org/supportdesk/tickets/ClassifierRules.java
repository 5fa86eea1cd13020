package org.supportdesk.tickets;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.supportdesk.classification.Classifier;
import org.supportdesk.system.SupportdeskProperties;

/**
 * The rules the service classifies with, as a bean: Triage decides with them, and the learning package measures the
 * model against the same rules (it takes the {@link Classifier} bean, and nothing of tickets).
 */
@Configuration(proxyBeanMethods = false)
class ClassifierRules {

    private static final Logger log = LoggerFactory.getLogger(ClassifierRules.class);

    @Bean
    Classifier rules(SupportdeskProperties properties) {
        return load(properties.classifierRules());
    }

    /** The shipped rules, or the operator's file; a malformed file stops the start with its reason. */
    static Classifier load(Path rules) {
        if (rules == null) {
            return Classifier.withDefaultRules();
        }
        try (Reader reader = Files.newBufferedReader(rules, StandardCharsets.UTF_8)) {
            Classifier classifier = Classifier.fromRules(reader);
            log.info("Classification rules loaded from {}", rules.toAbsolutePath());
            return classifier;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classification rules " + rules.toAbsolutePath(), e);
        }
    }
}
