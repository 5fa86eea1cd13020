package org.supportdesk.system;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * `supportdesk.log-format` (`SUPPORTDESK_LOG_FORMAT`): `text` (the default, for a person at a
 * console) or `json`, one JSON object per line in the Elastic Common Schema through Spring Boot's
 * structured logging (`logstash` is accepted too). Runs before the logging system starts, which
 * reads `logging.structured.format.console`; a value set there directly wins.
 */
class LogFormat implements EnvironmentPostProcessor {

    static final String PROPERTY = "supportdesk.log-format";
    private static final String STRUCTURED = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").trim().toLowerCase(Locale.ROOT);
        String structured = switch (format) {
            case "", "text" -> null;
            case "json", "ecs" -> "ecs";
            case "logstash" -> "logstash";
            default ->
                throw new IllegalStateException(
                        PROPERTY + " (SUPPORTDESK_LOG_FORMAT) must be text or json, not '" + format + "'");
        };
        if (structured != null && !environment.containsProperty(STRUCTURED)) {
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY, Map.of(STRUCTURED, structured)));
        }
    }
}
