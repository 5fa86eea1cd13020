package org.supportdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The address rules, and the check again at send time: a name that turns private is not sent to. */
class TargetsTests {

    private static WebhookSettings settings(boolean allowPrivate) {
        return new WebhookSettings(
                allowPrivate,
                Duration.ofSeconds(10),
                Duration.ofHours(24),
                Duration.ofSeconds(10),
                Duration.ofHours(1),
                Duration.ofSeconds(1),
                4,
                Duration.ofDays(7),
                true);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aUrlWithAnInvalidPortIsRefusedAtRegistrationAndAtSendTime() {
        var targets = new Targets(settings(true), host -> new InetAddress[] {ip("93.184.215.14")});

        for (String url : List.of("http://93.184.215.14:0/x", "http://93.184.215.14:65536/x")) {
            assertThat(Targets.formProblem(URI.create(url))).as(url).contains("port");
            assertThatThrownBy(() -> targets.check(URI.create(url))).as(url).hasMessageContaining("port");
        }
        assertThat(Targets.formProblem(URI.create("http://93.184.215.14:65535/x")))
                .isNull();
        assertThat(Targets.formProblem(URI.create("http://93.184.215.14:1/x"))).isNull();
    }

    @Test
    void aNameWithOnePrivateAddressAmongPublicOnesIsRefused() {
        var targets = new Targets(settings(false), host -> new InetAddress[] {ip("93.184.215.14"), ip("10.0.0.7")});

        assertThatThrownBy(() -> targets.check(URI.create("https://hooks.example.com/x")))
                .hasMessageContaining("10.0.0.7, a private address");
    }

    @Test
    void allowPrivateLetsThemThrough() throws Exception {
        var targets = new Targets(settings(true), host -> new InetAddress[] {ip("127.0.0.1")});

        assertThat(targets.check(URI.create("http://localhost:9000/x"))).hasSize(1);
    }

    @Test
    void aNameThatResolvesToAPrivateAddressAtSendTimeIsNotSentTo() throws Exception {
        // Public when registered, loopback when sent: DNS rebinding.
        Deque<InetAddress> answers = new ArrayDeque<>(List.of(ip("93.184.215.14"), ip("127.0.0.1")));
        var targets = new Targets(settings(false), host -> new InetAddress[] {answers.pop()});
        targets.check(URI.create("http://rebinding.example/hook"));
        var sender = new Sender(targets, Clock.systemUTC(), settings(false));
        var claimed = new Deliveries.Claimed(
                1,
                UUID.randomUUID(),
                UUID.randomUUID(),
                0,
                null,
                "http://rebinding.example/hook",
                "secret-secret-secret",
                UUID.randomUUID(),
                "ticket.created",
                "{}");

        Sender.Result result = sender.send(claimed);

        assertThat(result.outcome()).isEqualTo(Sender.Outcome.REFUSED);
        assertThat(result.error()).contains("127.0.0.1, a loopback address");
        assertThat(result.statusCode()).isNull();
    }

    @Test
    void theWaitDoublesFromTheFirstRetryUpToTheCap() {
        WebhookSettings s = settings(false);
        assertThat(s.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.backoff(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(s.backoff(10)).isEqualTo(Duration.ofHours(1));
        assertThat(s.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }
}
