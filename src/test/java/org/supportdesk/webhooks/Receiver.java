package org.supportdesk.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on a free loopback port (the JDK's own HTTP server): records every request,
 * then answers with the next status it was told to give (200 when none), after an optional delay
 * that plays a slow receiver. Public for the features whose events it receives (tickets' SLA
 * breaches).
 */
public final class Receiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as it arrived: headers by lower-case name, the body as sent. */
    public record Request(Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String ticketId() {
            JsonNode ticket = json().get("ticket");
            return ticket == null ? null : ticket.get("id").asString();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile Duration delay = Duration.ZERO;

    private Receiver(HttpServer server) {
        this.server = server;
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static Receiver start() {
        try {
            return new Receiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next requests are answered with these statuses, in turn; then 200 again. */
    public void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    public List<Request> received(Predicate<Request> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits (polling, up to 30 s) until {@code n} requests match, and returns those. */
    public List<Request> await(int n, Predicate<Request> which) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<Request> matching = received(which);
            if (matching.size() >= n) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + n + " requests, got " + matching.size() + ": " + received);
            }
            pause();
        }
    }

    public static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = new TreeMap<String, String>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            received.add(new Request(headers, body));
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Requests about one ticket. */
    public static Predicate<Request> about(String ticketId) {
        return r -> ticketId.equals(r.ticketId());
    }

    public static List<String> types(List<Request> requests) {
        var types = new ArrayList<String>();
        requests.forEach(r -> types.add(r.header("Supportdesk-Event")));
        return types;
    }
}
