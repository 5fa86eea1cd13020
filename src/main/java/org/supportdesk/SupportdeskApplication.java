package org.supportdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SupportdeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupportdeskApplication.class, args);
    }
}
