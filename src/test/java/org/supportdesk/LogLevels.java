package org.supportdesk;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Tests log at WARN (surefire sets logging.level.root in pom.xml); a test about a log line raises its
 * logger for as long as it needs it: {@code try (var info = LogLevels.raise("supportdesk.access",
 * LogLevel.INFO)) {...}}.
 */
public final class LogLevels implements AutoCloseable {

    private final LoggingSystem system;
    private final String logger;
    private final LogLevel before;

    private LogLevels(LoggingSystem system, String logger, LogLevel before) {
        this.system = system;
        this.logger = logger;
        this.before = before;
    }

    public static LogLevels raise(String logger, LogLevel level) {
        LoggingSystem system = LoggingSystem.get(LogLevels.class.getClassLoader());
        LoggerConfiguration configuration = system.getLoggerConfiguration(logger);
        LogLevel before = configuration == null ? null : configuration.getConfiguredLevel();
        system.setLogLevel(logger, level);
        return new LogLevels(system, logger, before);
    }

    @Override
    public void close() {
        system.setLogLevel(logger, before);
    }
}
