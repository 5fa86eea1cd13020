package org.supportdesk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for full-app tests: real sockets, real serialization. It sends the test
 * admin key unless told to send another key or none.
 */
public final class Api {

    /** The admin key the test servers are started with (`supportdesk.admin-key`). */
    public static final String ADMIN_KEY = "sd_test-admin-key-not-for-production-0123456789";

    /** The metrics token the shared test server is started with (`supportdesk.metrics.token`). */
    public static final String METRICS_TOKEN = "test-metrics-token-not-for-production-0123456789";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpClient http = HTTP;
    private final String base;
    private final String key;

    public Api(int port) {
        this(port, ADMIN_KEY);
    }

    public Api(int port, String key) {
        this("http://localhost:" + port, key);
    }

    private Api(String base, String key) {
        this.base = base;
        this.key = key;
    }

    /** The server's port, for what goes through {@link RawHttp}. */
    public int port() {
        return URI.create(base).getPort();
    }

    /** The same server with another key, or none when {@code key} is null. */
    public Api withKey(String key) {
        return new Api(base, key);
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** An answer kept as bytes: a downloaded file. */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** GET of a file, its bytes as they came. */
    public Download download(String path) {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<byte[]> response =
                    http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /**
     * The value of one series of the Prometheus scrape, named as it is written there (with its
     * labels, e.g. {@code supportdesk_x_total{target="a"}}); fails when the scrape lacks it.
     */
    public double metric(String series) {
        Response r = get("/metrics");
        if (r.status() != 200) {
            throw new AssertionError("GET /metrics answered " + r.status() + ": " + r.body());
        }
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(r.body());
        if (!m.find()) {
            throw new AssertionError("no " + series + " in " + r.body());
        }
        return Double.parseDouble(m.group(1));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Response post(String path, Object body) {
        return send("POST", path, "application/json", toJson(body), Map.of());
    }

    public Response patch(String path, Object body, String... headers) {
        return send("PATCH", path, "application/json", toJson(body), pairs(headers));
    }

    public Response put(String path, Object body, String... headers) {
        return send("PUT", path, "application/json", toJson(body), pairs(headers));
    }

    public Response send(String method, String path, String contentType, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    public Response sendBytes(String method, String path, String contentType, byte[] body) {
        var request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        return send(request);
    }

    private static Map<String, String> pairs(String... headers) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return map;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Response send(HttpRequest.Builder request) {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
