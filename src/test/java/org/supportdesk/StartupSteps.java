package org.supportdesk;

import java.util.Comparator;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * Not a test: where the start-up's time goes, by Spring's own account (ApplicationStartup). Starts
 * the service once with the given arguments, prints the slowest steps (bean instantiations,
 * auto-configuration, context refresh phases) and stops. From the project root after
 * {@code ./mvnw test-compile}:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.supportdesk.StartupSteps --supportdesk.data-dir=$(mktemp -d) --server.port=0</pre>
 */
public final class StartupSteps {

    private StartupSteps() {}

    public static void main(String[] args) {
        var startup = new BufferingApplicationStartup(100_000);
        long start = System.nanoTime();
        var context = new SpringApplicationBuilder(SupportdeskApplication.class)
                .main(SupportdeskApplication.class)
                .applicationStartup(startup)
                .run(args);
        long nanos = System.nanoTime() - start;
        StartupTimeline timeline = startup.getBufferedTimeline();
        System.out.printf(
                Locale.ROOT,
                "%nrun() took %d ms; slowest steps (a step includes the steps inside it):%n",
                nanos / 1_000_000);
        timeline.getEvents().stream()
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration)
                        .reversed())
                .limit(Integer.getInteger("top", 45))
                .forEach(e -> System.out.printf(
                        Locale.ROOT,
                        "%6d ms  %-45s %s%n",
                        e.getDuration().toMillis(),
                        e.getStartupStep().getName(),
                        tags(e)));
        context.close();
    }

    private static String tags(StartupTimeline.TimelineEvent e) {
        var sb = new StringBuilder();
        e.getStartupStep()
                .getTags()
                .forEach(t ->
                        sb.append(t.getKey()).append('=').append(t.getValue()).append(' '));
        String s = sb.toString();
        return s.length() > 110 ? s.substring(0, 110) : s;
    }
}
