package org.supportdesk.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Sends one delivery: checks the target's addresses again, signs the body and POSTs it with the
 * JDK's HttpClient, on a dispatcher thread (never a request's). The whole exchange, the answer's
 * body included, must end within the timeout; redirects are not followed (one could lead to an
 * address the check would refuse).
 */
@Component
class Sender {

    /** How an attempt ended: only {@code DELIVERED} ends the delivery. */
    enum Outcome {
        DELIVERED,
        HTTP_STATUS,
        TIMEOUT,
        CONNECTION,
        REFUSED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Result(Outcome outcome, Integer statusCode, String error, long durationMs) {}

    private final HttpClient http;
    private final Targets targets;
    private final Clock clock;
    private final Duration timeout;

    Sender(Targets targets, Clock clock, WebhookSettings settings) {
        this.targets = targets;
        this.clock = clock;
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Result send(Deliveries.Claimed c) {
        URI url = URI.create(c.url());
        try {
            targets.check(url);
        } catch (Targets.Refused e) {
            return new Result(Outcome.REFUSED, null, e.getMessage(), 0);
        }
        var request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Supportdesk-Webhooks/1")
                .header("Supportdesk-Event", c.type())
                .header("Supportdesk-Delivery", c.id().toString())
                .header(
                        "Supportdesk-Signature",
                        Signature.header(c.secret(), clock.instant().getEpochSecond(), c.body()))
                .POST(HttpRequest.BodyPublishers.ofString(c.body()))
                .build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> exchange =
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            long ms = millisSince(start);
            return status >= 200 && status < 300
                    ? new Result(Outcome.DELIVERED, status, null, ms)
                    : new Result(Outcome.HTTP_STATUS, status, "HTTP " + status, ms);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return timedOut(start);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return timedOut(start);
            }
            Throwable cause = e.getCause() instanceof IOException io ? io : e;
            return new Result(Outcome.CONNECTION, null, describe(cause), millisSince(start));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Result(Outcome.CONNECTION, null, "Interrupted: the instance is stopping", millisSince(start));
        }
    }

    private Result timedOut(long start) {
        return new Result(Outcome.TIMEOUT, null, "No answer within " + timeout.toMillis() + " ms", millisSince(start));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
