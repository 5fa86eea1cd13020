import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Supportdesk benchmark: starts the jar on a fresh data directory, loads data through the API,
 * drives HTTP load over keep-alive connections and prints the figures. Needs only a JDK:
 *
 * <pre>
 *   ./mvnw -q package -DskipTests && java bench/Bench.java [options]
 * </pre>
 *
 * Options: --jar PATH, --port N, --connections N, --seconds N (per round), --rounds N,
 * --only get,post,list,stats,import,classify,comments,sla,soak (default: get,post,list,stats), --list-tickets N,
 * --stats-tickets N, --import-rows N, --classify-tickets N, --warmup SECONDS, --get-only true,
 * --bare-path /bench/db, --server-opts "JVM options", --server-args "--supportdesk.x=y ...",
 * --sla-tickets N (1,000,000), --soak-seconds N, --soak-readers N, --soak-report SECONDS, --db-url URL (PostgreSQL; with
 * --db-user/--db-password), --auth on|off (default on: the server gets an admin key of the bench's
 * and every request sends it as `Authorization: Bearer`; off starts it with authentication off and
 * sends no key), --model on|off (default on: classify waits for the model the import trains by
 * itself; off: the rules alone), --classify-runs N (classify-all N times in a row; default 1), --classify-settle SECONDS (wait
 * after loading, before the first classify-all: on SQLite the search index's merges that an import puts off run in the
 * background for a while after it; default 0). Rate limits are set far above what the bench can reach, but stay on.
 *
 * Rounds of the figures that are compared (the bare endpoint against GET /tickets/{id}) alternate,
 * and medians are reported, because this machine is shared and noisy.
 */
public class Bench {

    static final Map<String, String> opts = new LinkedHashMap<>();
    /** The admin key the server is started with and every request sends; null with --auth off. */
    static String key;

    public static void main(String[] args) throws Exception {
        opts.put("jar", "target/supportdesk.jar");
        opts.put("port", "18080");
        opts.put("connections", "32");
        opts.put("seconds", "8");
        opts.put("rounds", "5");
        opts.put("only", "get,post,list,stats");
        opts.put("get-only", "false");
        opts.put("warmup", "15");
        opts.put("bare-path", "/bench/bare");
        opts.put("list-tickets", "100000");
        opts.put("stats-tickets", "1000000");
        opts.put("import-rows", "1000000");
        opts.put("classify-tickets", "1000000");
        opts.put("sla-tickets", "1000000");
        opts.put("model", "on");
        opts.put("classify-runs", "1");
        opts.put("classify-settle", "0");
        opts.put("import-formats", "csv");
        opts.put("import-records", "200000");
        opts.put("import-warmup", "100000");
        opts.put("server-opts", "");
        opts.put("db-url", "");
        opts.put("db-user", "");
        opts.put("db-password", "");
        opts.put("auth", "on");
        opts.put("soak-seconds", "600");
        opts.put("soak-readers", "4");
        opts.put("soak-report", "60");
        opts.put("server-args", "");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !opts.containsKey(args[i].substring(2))) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; options: " + opts.keySet());
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        if (opts.get("auth").equals("on")) {
            key = "sd_bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-0123456789";
        }
        Set<String> only = new HashSet<>(Arrays.asList(opts.get("only").split(",")));
        int port = Integer.parseInt(opts.get("port"));
        System.out.printf(
                "Supportdesk benchmark: %d cores, Java %s, %s, %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                opts.get("db-url").isEmpty() ? "SQLite" : opts.get("db-url"),
                key == null ? "authentication off, no key sent" : "an API key sent with every request");

        if (only.contains("import")) {
            // Import runs on its own server with a small heap: memory must not grow with the file.
            try (Server server = Server.start(port, "-Xmx256m " + opts.get("server-opts"))) {
                importBench(server, Integer.parseInt(opts.get("import-rows")));
            }
            only.remove("import");
            if (only.isEmpty()) {
                return;
            }
        }
        if (only.contains("sla")) {
            // Urgent targets of seconds: the open urgent tickets of the import are overdue at once.
            try (Server server = Server.start(
                    port,
                    opts.get("server-opts"),
                    "--supportdesk.sla.urgent-first-response=1s",
                    "--supportdesk.sla.urgent-resolution=2s")) {
                slaBench(server, Integer.parseInt(opts.get("sla-tickets")));
            }
            only.remove("sla");
            if (only.isEmpty()) {
                return;
            }
        }
        if (only.contains("classify")) {
            try (Server server = Server.start(port, "-Xmx256m " + opts.get("server-opts"))) {
                classifyBench(server, Integer.parseInt(opts.get("classify-tickets")));
            }
            only.remove("classify");
            if (only.isEmpty()) {
                return;
            }
        }
        if (only.contains("soak")) {
            try (Server server = Server.start(port, opts.get("server-opts"))) {
                soakBench(server);
            }
            only.remove("soak");
            if (only.isEmpty()) {
                return;
            }
        }
        try (Server server = Server.start(port, opts.get("server-opts"))) {
            if (only.contains("get")) {
                getBench(port);
            }
            if (only.contains("post")) {
                postBench(port);
            }
            if (only.contains("list")) {
                listBench(server, Integer.parseInt(opts.get("list-tickets")));
            }
            if (only.contains("stats")) {
                statsBench(server, Integer.parseInt(opts.get("stats-tickets")));
            }
            if (only.contains("comments")) {
                commentsBench(port);
            }
        }
    }

    // ---------------------------------------------------------------- scenarios

    static void getBench(int port) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Conn c = new Conn(port)) {
            for (int i = 0; i < 1000; i++) {
                Reply r = c.send(post("/tickets", ticketJson(i)));
                ids.add(jsonField(r.body, "id"));
            }
        }
        Function<Integer, byte[]> get = n -> request("GET", "/tickets/" + ids.get(n % ids.size()), null, null);
        byte[] bareRequest = request("GET", opts.get("bare-path"), null, null);
        Function<Integer, byte[]> bare = n -> bareRequest;
        warmup(port, get);
        warmup(port, bare);
        warmup(port, get);
        List<Result> bareRuns = new ArrayList<>();
        List<Result> getRuns = new ArrayList<>();
        boolean getOnly = Boolean.parseBoolean(opts.get("get-only"));
        for (int round = 0; round < rounds(); round++) {
            if (!getOnly) {
                bareRuns.add(load(port, bare));
            }
            getRuns.add(load(port, get));
        }
        if (getOnly) {
            report("GET /tickets/{id}", getRuns, Result.median(getRuns));
            return;
        }
        Result b = Result.median(bareRuns);
        Result g = Result.median(getRuns);
        report("GET /bench/bare (no database)", bareRuns, b);
        report("GET /tickets/{id}", getRuns, g);
        System.out.printf("  => GET /tickets/{id} at %.0f%% of the bare endpoint%n%n", 100.0 * g.rps / b.rps);
    }

    static void postBench(int port) throws Exception {
        Function<Integer, byte[]> create = n -> post("/tickets", ticketJson(n));
        warmup(port, create);
        List<Result> runs = new ArrayList<>();
        for (int round = 0; round < rounds(); round++) {
            runs.add(load(port, create));
        }
        report("POST /tickets (each durable)", runs, Result.median(runs));
        System.out.println();
    }

    static void listBench(Server server, int tickets) throws Exception {
        fill(server, tickets);
        String[] categories = {"account_access", "technical_issue", "billing_question", "feature_request", "bug_report"};
        String[] priorities = {"urgent", "high", "medium", "low"};
        Function<Integer, byte[]> list = n -> request(
                "GET",
                "/tickets?category=" + categories[n % categories.length] + "&priority="
                        + priorities[(n / categories.length) % priorities.length] + "&limit=100",
                null,
                null);
        warmup(server.port, list);
        List<Result> runs = new ArrayList<>();
        for (int round = 0; round < rounds(); round++) {
            runs.add(load(server.port, list));
        }
        report("GET /tickets?category=&priority=&limit=100 over " + count(server) + " tickets", runs, Result.median(runs));
        System.out.println();
    }

    static void statsBench(Server server, int tickets) throws Exception {
        fill(server, tickets);
        long total = count(server);
        for (String query : List.of("", "?category=billing_question&status=new", "?created_after=2000-01-01")) {
            long[] nanos = new long[30];
            try (Conn c = new Conn(server.port)) {
                for (int i = 0; i < 5; i++) {
                    c.send(request("GET", "/tickets/stats" + query, null, null));
                }
                for (int i = 0; i < nanos.length; i++) {
                    long start = System.nanoTime();
                    Reply r = c.send(request("GET", "/tickets/stats" + query, null, null));
                    nanos[i] = System.nanoTime() - start;
                    check(r, 200);
                }
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "GET /tickets/stats%s over %d tickets: median %.1f ms, max %.1f ms%n",
                    query, total, nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6);
        }
        System.out.println();
    }

    /**
     * POST /tickets/{id}/comments against POST /tickets in alternating rounds of the same run, then
     * the latency of reading the comments of a ticket that has 200, one request at a time.
     */
    static void commentsBench(int port) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Conn c = new Conn(port)) {
            for (int i = 0; i < 1000; i++) {
                ids.add(jsonField(c.send(post("/tickets", ticketJson(i))).body, "id"));
            }
        }
        Function<Integer, byte[]> create = n -> post("/tickets", ticketJson(n));
        Function<Integer, byte[]> comment = n -> post("/tickets/" + ids.get(n % ids.size()) + "/comments", commentJson(n));
        warmup(port, create);
        warmup(port, comment);
        List<Result> creates = new ArrayList<>();
        List<Result> comments = new ArrayList<>();
        for (int round = 0; round < rounds(); round++) {
            creates.add(load(port, create));
            comments.add(load(port, comment));
        }
        Result t = Result.median(creates);
        Result k = Result.median(comments);
        report("POST /tickets (each durable)", creates, t);
        report("POST /tickets/{id}/comments (each durable; replies, customer messages, notes)", comments, k);
        System.out.printf(Locale.ROOT, "  => comments at %.0f%% of tickets%n", 100.0 * k.rps / t.rps);

        String ticket;
        try (Conn c = new Conn(port)) {
            ticket = jsonField(c.send(post("/tickets", ticketJson(7))).body, "id");
            for (int i = 0; i < 200; i++) {
                check(c.send(post("/tickets/" + ticket + "/comments", commentJson(i))), 201);
            }
        }
        for (String query : List.of("", "?limit=200", "?visibility=public")) {
            latency("GET /tickets/{id}/comments" + query + " (200 comments)", port, "/tickets/" + ticket + "/comments" + query, 2000);
        }
        System.out.println();
    }

    static String commentJson(int n) {
        String kind = switch (n % 3) {
            case 0 -> "\"author_type\":\"customer\"";
            case 1 -> "\"visibility\":\"public\"";
            default -> "\"visibility\":\"internal\"";
        };
        return "{\"body\":\"" + SUBJECTS[n % SUBJECTS.length] + ". We looked into it and it happens again after the update,"
                + " the log says the export timed out after 30 seconds. Reference " + n + ".\"," + kind + "}";
    }

    /** Median and p99 of {@code count} requests sent one at a time on one connection, after 200 not counted. */
    static void latency(String what, int port, String path, int count) throws IOException {
        long[] nanos = new long[count];
        try (Conn c = new Conn(port)) {
            for (int i = 0; i < 200; i++) {
                check(c.send(request("GET", path, null, null)), 200);
            }
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                Reply r = c.send(request("GET", path, null, null));
                nanos[i] = System.nanoTime() - start;
                check(r, 200);
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%s: median %.2f ms, p99 %.2f ms (%d requests one at a time)%n",
                what,
                nanos[count / 2] / 1e6,
                nanos[count * 99 / 100] / 1e6,
                count);
    }

    /**
     * The list with sla=breached against plain filtered lists over the same store, on a server
     * whose urgent targets are seconds long: latency one request at a time, then throughput in
     * alternating rounds.
     */
    static void slaBench(Server server, int tickets) throws Exception {
        fill(server, tickets);
        Thread.sleep(2500); // the urgent targets of the last tickets pass
        String total = "GET /tickets?... over " + count(server) + " tickets";
        System.out.println(total);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("plain: category=technical_issue&priority=high", "/tickets?category=technical_issue&priority=high&limit=100");
        queries.put("plain: status=in_progress", "/tickets?status=in_progress&limit=100");
        queries.put("plain: priority=urgent&status=new", "/tickets?priority=urgent&status=new&limit=100");
        queries.put("sla=breached", "/tickets?sla=breached&limit=100");
        queries.put("sla=breached&sort=sla_due_at", "/tickets?sla=breached&sort=sla_due_at&limit=100");
        queries.put("sla=breached&category=technical_issue", "/tickets?sla=breached&category=technical_issue&limit=100");
        queries.put("sla=due_soon", "/tickets?sla=due_soon&limit=100");
        for (var q : queries.entrySet()) {
            try (Conn c = new Conn(server.port)) {
                System.out.println("  " + q.getKey() + ": total " + jsonField(c.send(request("GET", q.getValue(), null, null)).body, "total"));
            }
            latency("  " + q.getKey(), server.port, q.getValue(), 300);
        }
        byte[] plain = request("GET", queries.get("plain: category=technical_issue&priority=high"), null, null);
        byte[] breached = request("GET", queries.get("sla=breached"), null, null);
        Function<Integer, byte[]> plainList = n -> plain;
        Function<Integer, byte[]> breachedList = n -> breached;
        warmup(server.port, plainList);
        warmup(server.port, breachedList);
        List<Result> plainRuns = new ArrayList<>();
        List<Result> breachedRuns = new ArrayList<>();
        for (int round = 0; round < rounds(); round++) {
            plainRuns.add(load(server.port, plainList));
            breachedRuns.add(load(server.port, breachedList));
        }
        Result p = Result.median(plainRuns);
        Result b = Result.median(breachedRuns);
        report("GET /tickets?category=technical_issue&priority=high&limit=100", plainRuns, p);
        report("GET /tickets?sla=breached&limit=100", breachedRuns, b);
        System.out.printf(Locale.ROOT, "  => sla=breached takes %.2fx the time of the plain filtered list%n%n", p.rps / b.rps);
    }

    static void importBench(Server server, int rows) throws Exception {
        int warmup = Integer.parseInt(opts.get("import-warmup"));
        for (String format : opts.get("import-formats").split(",")) {
            int count = format.equals("csv") ? rows : Integer.parseInt(opts.get("import-records"));
            if (warmup > 0) {
                // A server that has just started spends a good part of its CPU compiling the import
                // path (JIT); a warm-up import of the same format measures the server as it runs.
                importFile(server, format, Math.min(warmup, count), "warm-up, not counted: ");
            }
            importFile(server, format, count, "");
        }
        System.out.println();
    }

    static void importFile(Server server, String format, int count, String label) throws Exception {
        Path file = Files.createTempFile("supportdesk-bench", "." + format);
        try {
            switch (format) {
                case "csv" -> writeCsv(file, count, 0);
                case "json" -> writeJson(file, count);
                case "xml" -> writeXml(file, count);
                default -> throw new IllegalArgumentException("Unknown import format " + format);
            }
            String type = format.equals("csv") ? "text/csv" : "application/" + format;
            long before = count(server);
            HeapWatch heap = HeapWatch.start(server);
            long start = System.nanoTime();
            Reply r;
            try (Conn c = new Conn(server.port)) {
                c.socket.setSoTimeout(0);
                r = c.sendFile("POST", "/import/" + format, type, file);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stop();
            check(r, 200);
            // The next write waits for whatever the import left the writer to do (on SQLite, copying
            // the import's log into the database): part of its cost, though not of its answer.
            long writeStart = System.nanoTime();
            try (Conn c = new Conn(server.port)) {
                c.socket.setSoTimeout(0);
                check(c.send(post("/tickets", ticketJson(0))), 201);
            }
            double nextWrite = (System.nanoTime() - writeStart) / 1e9;
            System.out.printf(
                    "%sPOST /import/%s: %s of %d records (%.0f MB) imported into a store of %d in %.1f s = %.0f"
                            + " records/s (the next write answered %.2f s later); server -Xmx256m, peak heap used %d MB%n",
                    label,
                    format,
                    jsonField(r.body, "success_count"),
                    count,
                    Files.size(file) / 1e6,
                    before,
                    seconds,
                    count / seconds,
                    nextWrite,
                    peak / (1024 * 1024));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static void writeJson(Path file, int records) throws IOException {
        try (var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write('[');
            for (int i = 0; i < records; i++) {
                if (i > 0) {
                    out.write(",\n".getBytes(StandardCharsets.UTF_8));
                }
                out.write(ticketJson(i).getBytes(StandardCharsets.UTF_8));
            }
            out.write("]\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    static void writeXml(Path file, int records) throws IOException {
        try (var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tickets>\n".getBytes(StandardCharsets.UTF_8));
            for (int n = 0; n < records; n++) {
                String subject = SUBJECTS[n % SUBJECTS.length];
                String xml = "<ticket><customer_id>cust-" + (n % 5000) + "</customer_id><customer_email>user" + n
                        + "@example.com</customer_email><customer_name>Customer " + n + "</customer_name><subject>"
                        + subject + "</subject><description>" + subject
                        + ". It started this morning and keeps happening for our whole team, reference " + n
                        + ".</description><tags><tag>bench</tag><tag>t" + (n % 50) + "</tag></tags>"
                        + "<metadata><source>email</source><browser>Firefox</browser><device_type>desktop</device_type>"
                        + "</metadata></ticket>\n";
                out.write(xml.getBytes(StandardCharsets.UTF_8));
            }
            out.write("</tickets>\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    static void classifyBench(Server server, int tickets) throws Exception {
        fill(server, tickets);
        long total = count(server);
        if (opts.get("model").equals("on")) {
            awaitModel(server);
        }
        Thread.sleep(Long.parseLong(opts.get("classify-settle")) * 1000);
        // The first run after a new model writes its new decisions; the next ones write only what
        // changed (nothing over an unchanged store), as a team's repeated classify-all does.
        for (int run = 1; run <= Integer.parseInt(opts.get("classify-runs")); run++) {
            System.out.printf("classify-all run %d: ", run);
            classifyAll(server, total);
        }
    }

    static void classifyAll(Server server, long total) throws Exception {
        HeapWatch heap = HeapWatch.start(server);
        long cpuBefore = serverCpuMillis();
        long start = System.nanoTime();
        Reply r;
        try (Conn c = new Conn(server.port)) {
            c.socket.setSoTimeout(0);
            c.discardBody = true;
            r = c.send(request("POST", "/tickets/classify-all", "application/json", new byte[0]));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // The server's CPU time says what the work cost when other processes share the cores.
        double cpuSeconds = (serverCpuMillis() - cpuBefore) / 1e3;
        long peak = heap.stop();
        check(r, 200);
        System.out.printf(
                "POST /tickets/classify-all over %d tickets: %.1f s = %.0f tickets/s (server CPU %.1f s),"
                        + " %d MB of JSON streamed; server -Xmx256m, peak heap used %d MB%n%n",
                total, seconds, total / seconds, cpuSeconds, r.bodyBytes / (1024 * 1024), peak / (1024 * 1024));
    }

    /**
     * Waits for the team's model, which the import's labelled rows train by themselves (issue 14), so
     * that classify-all decides with it, and for the trainings the import started to end; says how
     * long that took.
     */
    static void awaitModel(Server server) throws Exception {
        long start = System.nanoTime();
        while (true) {
            String body;
            try (Conn c = new Conn(server.port)) {
                body = c.send(request("GET", "/classification/model", null, null)).body;
            }
            // Settled: a model in use, no training running, and too few new examples to start another
            // (which would otherwise compete with classify-all for the CPU).
            Matcher fresh = Pattern.compile("\"new_examples\":(\\d+)").matcher(body);
            Matcher after = Pattern.compile("\"retrain_after\":(\\d+)").matcher(body);
            boolean settled = body.contains("\"training\":null")
                    && fresh.find()
                    && after.find()
                    && Long.parseLong(fresh.group(1)) < Long.parseLong(after.group(1));
            if (body.contains("\"version\"") && settled) {
                System.out.printf("model in use after %.1f s: %s%n", (System.nanoTime() - start) / 1e9,
                        body.replaceAll(".*?(\"version\":\\d+).*?(\"examples\":\\d+).*", "$1 $2"));
                return;
            }
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("no model after 10 minutes: " + body);
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Sustained writes with readers alongside: {@code --connections} clients post tickets and
     * {@code --soak-readers} list them for {@code --soak-seconds}, while the sizes of the database
     * files are sampled every 100 ms. Prints the largest sizes seen in each {@code --soak-report}
     * interval: the data directory must stay bounded however long the writes go on.
     */
    static void soakBench(Server server) throws Exception {
        long nanos = TimeUnit.SECONDS.toNanos(Integer.parseInt(opts.get("soak-seconds")));
        int writers = Integer.parseInt(opts.get("connections"));
        int readers = Integer.parseInt(opts.get("soak-readers"));
        long reportNanos = TimeUnit.SECONDS.toNanos(Integer.parseInt(opts.get("soak-report")));
        var posted = new java.util.concurrent.atomic.AtomicLong();
        String[] lists = {
            "/tickets?limit=100", "/tickets?status=new&sort=created_at&order=desc&limit=50",
            "/tickets?category=technical_issue&priority=high&limit=100", "/tickets?tag=bench&limit=20"
        };
        var load = new ArrayList<Thread>();
        var results = new Result[2];
        load.add(new Thread(() -> results[0] = unchecked(() ->
                run(server.port, n -> { posted.incrementAndGet(); return post("/tickets", ticketJson(n)); }, nanos, Long.MAX_VALUE, writers))));
        load.add(new Thread(() -> results[1] = unchecked(() ->
                run(server.port, n -> request("GET", lists[n % lists.length], null, null), nanos, Long.MAX_VALUE, readers))));
        System.out.printf(
                "Soak: %d clients posting tickets and %d listing them for %d s; largest file sizes (MB) per %d s:%n",
                writers, readers, nanos / 1_000_000_000L, reportNanos / 1_000_000_000L);
        System.out.println("  time   tickets  tickets/s   db max  wal max  shm max  data dir max   load avg");
        long start = System.nanoTime();
        load.forEach(Thread::start);
        long[] max = new long[4];
        long[] overall = new long[4];
        long nextReport = start + reportNanos;
        long postedAtReport = 0;
        long lastReport = start;
        while (load.stream().anyMatch(Thread::isAlive)) {
            long[] now = dataSizes(server.data);
            for (int i = 0; i < max.length; i++) {
                max[i] = Math.max(max[i], now[i]);
                overall[i] = Math.max(overall[i], now[i]);
            }
            long t = System.nanoTime();
            if (t >= nextReport || load.stream().noneMatch(Thread::isAlive)) {
                long p = posted.get();
                System.out.printf(
                        Locale.ROOT,
                        "  %4d s  %8d  %9.0f  %7.1f  %7.1f  %7.1f  %12.1f   %s%n",
                        (t - start) / 1_000_000_000L, p, (p - postedAtReport) / ((t - lastReport) / 1e9),
                        max[0] / 1e6, max[1] / 1e6, max[2] / 1e6, max[3] / 1e6, loadAverage());
                Arrays.fill(max, 0);
                postedAtReport = p;
                lastReport = t;
                nextReport += reportNanos;
            }
            Thread.sleep(100);
        }
        for (Thread t : load) {
            t.join();
        }
        long[] end = dataSizes(server.data);
        System.out.printf(
                Locale.ROOT,
                "Soak done: %d tickets posted (%.0f/s), %.0f lists/s; largest: db %.1f MB, wal %.1f MB, shm %.1f MB,"
                        + " data dir %.1f MB; at the end: db %.1f MB, wal %.1f MB%n%n",
                results[0].requests, results[0].rps, results[1].rps, overall[0] / 1e6, overall[1] / 1e6,
                overall[2] / 1e6, overall[3] / 1e6, end[0] / 1e6, end[1] / 1e6);
    }

    /** Sizes of the database, its -wal and -shm, and of the data directory without the bench's logs. */
    static long[] dataSizes(Path data) throws IOException {
        long[] sizes = new long[4];
        try (var files = Files.list(data)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.equals("gc.log") || name.equals("server.log")) {
                    continue;
                }
                long size;
                try {
                    size = Files.size(f);
                } catch (IOException gone) {
                    continue;
                }
                if (name.endsWith(".db")) {
                    sizes[0] = size;
                } else if (name.endsWith(".db-wal")) {
                    sizes[1] = size;
                } else if (name.endsWith(".db-shm")) {
                    sizes[2] = size;
                }
                sizes[3] += size;
            }
        }
        return sizes;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    interface Action<T> {
        T get() throws Exception;
    }

    static <T> T unchecked(Action<T> action) {
        try {
            return action.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- data

    static final String[] SUBJECTS = {
        "Charged twice for my subscription",
        "Cannot log in after password reset",
        "App crashes when I open the reports page",
        "Would love to see dark mode",
        "Steps to reproduce: export button does nothing",
        "Question about our invoice address",
        "Production down: API returns 500 errors",
        "Minor typo on the pricing page",
    };

    static String ticketJson(int n) {
        String subject = SUBJECTS[n % SUBJECTS.length];
        return "{\"customer_id\":\"cust-" + (n % 5000) + "\",\"customer_email\":\"user" + n
                + "@example.com\",\"customer_name\":\"Customer " + n + "\",\"subject\":\"" + subject
                + "\",\"description\":\"" + subject + ". It started this morning and keeps happening for our whole team, "
                + "please have a look as soon as you can. Reference number " + n + ".\",\"tags\":[\"bench\",\"t"
                + (n % 50) + "\"],\"metadata\":{\"source\":\"email\",\"browser\":\"Firefox\",\"device_type\":\"desktop\"}}";
    }

    static final String[] CATEGORIES = {
        "account_access", "technical_issue", "billing_question", "feature_request", "bug_report", "other"
    };
    static final String[] PRIORITIES = {"urgent", "high", "medium", "low"};
    static final String[] STATUSES = {"new", "in_progress", "waiting_customer", "resolved", "closed"};

    /** A CSV of realistic rows; every fourth row leaves category and priority to the classifier. */
    static void writeCsv(Path file, int rows, int offset) throws IOException {
        try (var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("customer_id,customer_email,customer_name,subject,description,category,priority,status,tags,source,browser,device_type\n"
                    .getBytes(StandardCharsets.UTF_8));
            var line = new StringBuilder(512);
            for (int i = 0; i < rows; i++) {
                int n = offset + i;
                String subject = SUBJECTS[n % SUBJECTS.length];
                boolean classify = n % 4 == 3;
                line.setLength(0);
                line.append("cust-").append(n % 5000).append(",user").append(n).append("@example.com,Customer ")
                        .append(n).append(',').append(subject).append(",\"").append(subject)
                        .append(". It started this morning and keeps happening for our whole team, please have a look, ")
                        .append("reference ").append(n).append(".\",")
                        .append(classify ? "" : CATEGORIES[n % 5]).append(',')
                        .append(classify ? "" : PRIORITIES[(n / 5) % 4]).append(',')
                        .append(STATUSES[(n / 7) % 5]).append(",\"bench,t").append(n % 50).append("\",email,Firefox,desktop\n");
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Brings the store up to {@code tickets} rows: through the import endpoint when there is one. */
    static void fill(Server server, int tickets) throws Exception {
        long have = count(server);
        if (have >= tickets) {
            return;
        }
        long start = System.nanoTime();
        int missing = (int) (tickets - have);
        boolean imported = false;
        Path csv = Files.createTempFile("supportdesk-fill", ".csv");
        try {
            for (int done = 0; done < missing; ) {
                int batch = Math.min(200_000, missing - done);
                writeCsv(csv, batch, (int) have + done);
                Reply r;
                try (Conn c = new Conn(server.port)) {
                    c.socket.setSoTimeout(0);
                    r = c.sendFile("POST", "/import/csv", "text/csv", csv);
                }
                if (r.status == 404 || r.status == 405) {
                    break;
                }
                check(r, 200);
                imported = true;
                done += batch;
            }
        } finally {
            Files.deleteIfExists(csv);
        }
        if (!imported) {
            int[] next = {(int) have};
            loadCount(server.port, n -> post("/tickets", ticketJson(next[0]++)), missing);
        }
        System.out.printf("(loaded %d tickets in %.0f s)%n", missing, (System.nanoTime() - start) / 1e9);
    }

    static long count(Server server) throws IOException {
        try (Conn c = new Conn(server.port)) {
            return Long.parseLong(jsonField(c.send(request("GET", "/tickets/stats", null, null)).body, "total"));
        }
    }

    // ---------------------------------------------------------------- load engine

    static int rounds() {
        return Integer.parseInt(opts.get("rounds"));
    }

    /**
     * Runs load until the JIT has compiled the request path: on 2 cores the compiler threads take a
     * fifth of the CPU for the first ten or twenty seconds of a Spring request path.
     */
    static void warmup(int port, Function<Integer, byte[]> requests) throws Exception {
        run(port, requests, TimeUnit.SECONDS.toNanos(Integer.parseInt(opts.get("warmup"))), Long.MAX_VALUE);
    }

    static Result load(int port, Function<Integer, byte[]> requests) throws Exception {
        long cpuBefore = serverCpuMillis();
        Result r = run(port, requests, TimeUnit.SECONDS.toNanos(Integer.parseInt(opts.get("seconds"))), Long.MAX_VALUE);
        long cpu = serverCpuMillis() - cpuBefore;
        return new Result(r.rps, r.p50, r.p99, r.requests, r.requests == 0 ? 0 : cpu * 1000.0 / r.requests);
    }

    static volatile long serverPid = -1;

    /** CPU time the server process used so far (Linux /proc), to tell CPU cost from waiting. */
    static long serverCpuMillis() {
        try {
            String[] f = Files.readString(Paths.get("/proc/" + serverPid + "/stat")).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10;
        } catch (Exception e) {
            return 0;
        }
    }

    static void loadCount(int port, Function<Integer, byte[]> requests, long count) throws Exception {
        run(port, requests, Long.MAX_VALUE / 4, count);
    }

    /** Drives {@code connections} keep-alive connections until the time or the request count is used up. */
    static Result run(int port, Function<Integer, byte[]> requests, long nanos, long maxRequests) throws Exception {
        return run(port, requests, nanos, maxRequests, Integer.parseInt(opts.get("connections")));
    }

    static Result run(int port, Function<Integer, byte[]> requests, long nanos, long maxRequests, int connections)
            throws Exception {
        var issued = new java.util.concurrent.atomic.AtomicLong();
        var errors = new java.util.concurrent.atomic.AtomicLong();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        Thread[] threads = new Thread[connections];
        long start = System.nanoTime();
        long deadline = start + nanos;
        for (int t = 0; t < connections; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try (Conn c = new Conn(port)) {
                    while (System.nanoTime() < deadline) {
                        long k = issued.getAndIncrement();
                        if (k >= maxRequests) {
                            break;
                        }
                        byte[] request = requests.apply((int) (k & Integer.MAX_VALUE));
                        long begin = System.nanoTime();
                        Reply r = c.send(request);
                        long took = System.nanoTime() - begin;
                        if (r.status >= 300) {
                            errors.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
                latencies[id] = mine;
                counts[id] = n;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        if (errors.get() > 0) {
            System.out.println("  !! " + errors.get() + " requests failed");
        }
        return new Result(total / seconds, pct(all, 0.50), pct(all, 0.99), total, 0);
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    record Result(double rps, double p50, double p99, long requests, double cpuMicrosPerRequest) {
        static Result median(List<Result> runs) {
            var byRps = new ArrayList<>(runs);
            byRps.sort(Comparator.comparingDouble(Result::rps));
            var byP99 = new ArrayList<>(runs);
            byP99.sort(Comparator.comparingDouble(Result::p99));
            var byP50 = new ArrayList<>(runs);
            byP50.sort(Comparator.comparingDouble(Result::p50));
            int m = runs.size() / 2;
            var byCpu = new ArrayList<>(runs);
            byCpu.sort(Comparator.comparingDouble(Result::cpuMicrosPerRequest));
            return new Result(
                    byRps.get(m).rps, byP50.get(m).p50, byP99.get(m).p99, byRps.get(m).requests, byCpu.get(m).cpuMicrosPerRequest);
        }
    }

    static void report(String what, List<Result> runs, Result median) {
        System.out.printf(
                Locale.ROOT,
                "%s: median %.0f req/s, p50 %.2f ms, p99 %.2f ms, server CPU %.0f us/req at %s connections (rounds: %s req/s)%n",
                what,
                median.rps,
                median.p50,
                median.p99,
                median.cpuMicrosPerRequest,
                opts.get("connections"),
                runs.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.rps)).toList());
    }

    // ---------------------------------------------------------------- HTTP over a plain socket

    static byte[] post(String path, String json) {
        return request("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] request(String method, String path, String contentType, byte[] body) {
        var head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        if (key != null) {
            head.append("Authorization: Bearer ").append(key).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        if (body == null) {
            return h;
        }
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    record Reply(int status, String body, boolean closing, long bodyBytes) {}

    static void check(Reply r, int status) {
        if (r.status != status) {
            throw new IllegalStateException("Expected " + status + " but got " + r.status + ": " + r.body);
        }
    }

    static final class Conn implements Closeable {
        final int port;
        boolean discardBody;
        Socket socket;
        InputStream in;
        OutputStream out;

        Conn(int port) throws IOException {
            this.port = port;
            open();
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(120_000);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        }

        Reply send(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            Reply reply = read();
            if (reply.closing) {
                socket.close();
                open();
            }
            return reply;
        }

        Reply sendFile(String method, String path, String contentType, Path file) throws IOException {
            out.write(("" + method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                            + (key == null ? "" : "\r\nAuthorization: Bearer " + key)
                            + "\r\nContent-Length: " + Files.size(file) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Files.copy(file, out);
            out.flush();
            return read();
        }

        Reply read() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    closing = true;
                } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                }
            }
            var body = new ByteArrayOutputStream();
            long bytes = 0;
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    byte[] chunk = in.readNBytes(size);
                    bytes += chunk.length;
                    if (!discardBody || bytes < 4096) {
                        body.write(chunk);
                    }
                    line();
                }
                line();
            } else if (length > 0) {
                body.write(in.readNBytes((int) length));
                bytes = length;
            }
            return new Reply(code, body.toString(StandardCharsets.UTF_8), closing, bytes);
        }

        private String line() throws IOException {
            var sb = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("Connection closed");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static String jsonField(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + field + " in " + json);
        }
        return m.group(1);
    }

    // ---------------------------------------------------------------- the server under test

    static final class Server implements AutoCloseable {
        final Process process;
        final int port;
        final Path data;

        private Server(Process process, int port, Path data) {
            this.process = process;
            this.port = port;
            this.data = data;
        }

        static Server start(int port, String jvmOptions, String... settings) throws Exception {
            Path data = Files.createTempDirectory("supportdesk-bench-data");
            var command = new ArrayList<String>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xlog:gc:file=" + data.resolve("gc.log"));
            for (String o : jvmOptions.trim().split("\\s+")) {
                if (!o.isEmpty()) {
                    command.add(o);
                }
            }
            command.addAll(List.of(
                    "-jar",
                    opts.get("jar"),
                    "--server.port=" + port,
                    "--supportdesk.data-dir=" + data,
                    "--supportdesk.bench.enabled=true",
                    "--supportdesk.import-max-size=2GB",
                    "--supportdesk.rate-limit.per-key=1000000000",
                    "--supportdesk.rate-limit.per-address=1000000000",
                    "--supportdesk.rate-limit.imports=1000000",
                    "--supportdesk.rate-limit.classify-all=1000000",
                    "--logging.level.root=WARN"));
            command.add(key == null ? "--supportdesk.auth=off" : "--supportdesk.admin-key=" + key);
            command.addAll(List.of(settings));
            command.add("--supportdesk.classifier.model=" + opts.get("model"));
            for (String a : opts.get("server-args").trim().split("\\s+")) {
                if (!a.isEmpty()) {
                    command.add(a);
                }
            }
            if (!opts.get("db-url").isEmpty()) {
                command.add("--supportdesk.db.url=" + opts.get("db-url"));
                command.add("--supportdesk.db.user=" + opts.get("db-user"));
                command.add("--supportdesk.db.password=" + opts.get("db-password"));
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(data.resolve("server.log").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Server exited; see " + data.resolve("server.log"));
                }
                try (Conn c = new Conn(port)) {
                    if (c.send(request("GET", "/health", null, null)).status == 200) {
                        serverPid = process.pid();
                        return new Server(process, port, data);
                    }
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("Server did not become healthy in 90 s");
        }

        Path gcLog() {
            return data.resolve("gc.log");
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The server's peak heap use during a measurement, read from its GC log: the heap in use when a
     * collection starts is the high point since the one before. (Polling with jstat instead costs
     * a JVM start each time, which on 2 cores took CPU from the server being measured.)
     */
    static final class HeapWatch {
        private static final java.util.regex.Pattern BEFORE = java.util.regex.Pattern.compile("(\\d+)M->\\d+M\\(");
        private final Path log;
        private final long offset;

        private HeapWatch(Path log) throws IOException {
            this.log = log;
            this.offset = Files.exists(log) ? Files.size(log) : 0;
        }

        static HeapWatch start(Server server) throws IOException {
            return new HeapWatch(server.gcLog());
        }

        /** Bytes: the most the heap held when a collection began. */
        long stop() throws IOException {
            long peakMb = 0;
            try (var in = Files.newInputStream(log)) {
                in.skipNBytes(offset);
                var matcher = BEFORE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    peakMb = Math.max(peakMb, Long.parseLong(matcher.group(1)));
                }
            }
            return peakMb * 1024 * 1024;
        }
    }
}
