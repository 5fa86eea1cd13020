package org.supportdesk.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a test: a throughput check of the parsers alone (no validation, no database). Writes
 * 1,000,000 realistic tickets (~300 bytes each) per format to temp files, then parses each file
 * three times and prints records per second and the heap in use. Run it with a small heap to see
 * that memory does not grow with the file, e.g. from the project root after {@code ./mvnw test-compile}:
 *
 * <pre>java -Xmx256m -cp target/classes:target/test-classes:$(cat cp.txt) org.supportdesk.imports.ImportParsersBenchmark [rows]</pre>
 */
public final class ImportParsersBenchmark {

    private static final String[] CATEGORIES = {
        "account_access", "technical_issue", "billing_question", "feature_request", "bug_report", "other"
    };
    private static final String[] PRIORITIES = {"urgent", "high", "medium", "low"};

    private ImportParsersBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        for (ImportFormat format : ImportFormat.values()) {
            Path file = Files.createTempFile("bench-", "." + format.name().toLowerCase(Locale.ROOT));
            try {
                write(format, file, rows);
                long size = Files.size(file);
                for (int run = 1; run <= 3; run++) {
                    long start = System.nanoTime();
                    long count = parse(format, file);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf(
                            Locale.ROOT,
                            "%-4s run %d: %,d records, %,d MB in %.2f s = %,.0f records/s (%.0f MB/s), heap used %d MB of max %d MB%n",
                            format,
                            run,
                            count,
                            size >> 20,
                            seconds,
                            count / seconds,
                            size / seconds / (1 << 20),
                            (rt.totalMemory() - rt.freeMemory()) >> 20,
                            rt.maxMemory() >> 20);
                }
            } finally {
                Files.delete(file);
            }
        }
    }

    private static long parse(ImportFormat format, Path file) throws IOException {
        long count = 0;
        long checksum = 0;
        try (InputStream in = Files.newInputStream(file);
                TicketRecordReader reader = TicketFileParsers.open(format, in)) {
            while (reader.hasNext()) {
                ImportRecord record = reader.next();
                checksum += record.fields().size();
                count++;
            }
        }
        if (checksum == 0) {
            throw new IllegalStateException("nothing parsed");
        }
        return count;
    }

    private static void write(ImportFormat format, Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            switch (format) {
                case CSV ->
                    out.write("customer_id,customer_email,customer_name,subject,description,category,"
                            + "priority,status,tags,source,browser,device_type,assigned_to\n");
                case JSON -> out.write("[\n");
                case XML -> out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tickets>\n");
            }
            for (int i = 0; i < rows; i++) {
                String id = "CUST-" + (100000 + i % 50000);
                String email = "customer" + (i % 50000) + "@example.com";
                String name = "Customer Number " + (i % 50000);
                String subject = "Order " + i + " problem with invoice, payment failed";
                String description = "Hello, I tried to pay invoice " + i
                        + " yesterday but the payment failed with an error. Could you check my account"
                        + " and tell me what went wrong? Thanks a lot.";
                String category = CATEGORIES[i % CATEGORIES.length];
                String priority = PRIORITIES[i % PRIORITIES.length];
                switch (format) {
                    case CSV ->
                        out.write(id + "," + email + "," + name + ",\"" + subject + "\",\"" + description + "\","
                                + category + "," + priority
                                + ",new,\"billing,payment\",email,Firefox 128,desktop,agent-"
                                + (i % 20) + "\n");
                    case JSON ->
                        out.write(
                                (i == 0 ? "" : ",\n") + "{\"customer_id\":\"" + id
                                        + "\",\"customer_email\":\"" + email + "\",\"customer_name\":\"" + name
                                        + "\",\"subject\":\"" + subject + "\",\"description\":\"" + description
                                        + "\",\"category\":\"" + category + "\",\"priority\":\"" + priority
                                        + "\",\"status\":\"new\",\"tags\":[\"billing\",\"payment\"],\"assigned_to\":\"agent-"
                                        + (i % 20)
                                        + "\",\"metadata\":{\"source\":\"email\",\"browser\":\"Firefox 128\",\"device_type\":\"desktop\"}}");
                    case XML ->
                        out.write("<ticket><customer_id>" + id + "</customer_id><customer_email>" + email
                                + "</customer_email><customer_name>" + name + "</customer_name><subject>" + subject
                                + "</subject><description>" + description + "</description><category>" + category
                                + "</category><priority>" + priority + "</priority><status>new</status>"
                                + "<tags><tag>billing</tag><tag>payment</tag></tags><assigned_to>agent-" + (i % 20)
                                + "</assigned_to><metadata><source>email</source><browser>Firefox 128</browser>"
                                + "<device_type>desktop</device_type></metadata></ticket>\n");
                }
            }
            switch (format) {
                case CSV -> {}
                case JSON -> out.write("\n]\n");
                case XML -> out.write("</tickets>\n");
            }
        }
    }
}
