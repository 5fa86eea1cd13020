package org.supportdesk;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/** One whole application on a free port, as a separate instance of the service would run. */
public record Instance(ConfigurableApplicationContext context, Api api) implements AutoCloseable {

    /**
     * Logback is one per JVM, and Spring Boot sets it up again for every application from system
     * properties it writes and clears: two instances starting at once (MultiInstanceTests) raced on
     * them and one failed with "Unknown format 'CONSOLE_LOG_STRUCTURED_FORMAT_IS_UNDEFINED'". Only
     * that step is taken one application at a time; the databases' start still overlaps.
     */
    private static final OneAtATime LOGGING_SET_UP = new OneAtATime();

    public static Instance start(Map<String, String> settings) {
        return start(settings, new Class<?>[0]);
    }

    /**
     * The same with the beans of {@code beans} besides the service's own (a test's clock). Each is a
     * class with {@code @Bean} methods and no {@code @Configuration}: the component scan of every
     * other application in the JVM would find one that has it.
     */
    public static Instance start(Map<String, String> settings, Class<?>... beans) {
        var args = new ArrayList<String>();
        args.add("--server.port=0");
        // Tests that flood one key on purpose start their own limits; these do not.
        for (String limit : new String[] {"per-key", "per-address", "imports", "classify-all"}) {
            args.add("--supportdesk.rate-limit." + limit + "=100000000");
        }
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        if (!settings.containsKey("supportdesk.admin-key")) {
            // The key Api sends; every instance registers it, the first one to start stores it.
            args.add("--supportdesk.admin-key=" + Api.ADMIN_KEY);
        }
        var context = new SpringApplicationBuilder(SupportdeskApplication.class)
                .sources(beans)
                .listeners(LOGGING_SET_UP.first(), LOGGING_SET_UP.last())
                .run(args.toArray(String[]::new));
        return new Instance(
                context,
                new Api(((WebServerApplicationContext) context).getWebServer().getPort()));
    }

    @Override
    public void close() {
        context.close();
    }

    /** Held from an application's first event until its logging is set up (or its start failed). */
    private static final class OneAtATime {
        private final ReentrantLock lock = new ReentrantLock();

        ApplicationListener<ApplicationEvent> first() {
            return new InOrder(Ordered.HIGHEST_PRECEDENCE, event -> {
                if (event instanceof ApplicationStartingEvent) {
                    lock.lock();
                }
            });
        }

        ApplicationListener<ApplicationEvent> last() {
            return new InOrder(Ordered.LOWEST_PRECEDENCE, event -> {
                if ((event instanceof ApplicationEnvironmentPreparedEvent || event instanceof ApplicationFailedEvent)
                        && lock.isHeldByCurrentThread()) {
                    lock.unlock();
                }
            });
        }
    }

    private record InOrder(int order, Consumer<ApplicationEvent> action)
            implements ApplicationListener<ApplicationEvent>, Ordered {
        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            action.accept(event);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
