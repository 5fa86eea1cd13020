package org.supportdesk.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * Base of the import API's full-app tests: the sample files, uploads as curl sends them and rows
 * of a customer of the test's own. No configuration of its own, so its tests share ApiTest's
 * server.
 */
abstract class ImportApiTest extends ApiTest {

    static final String HEADER =
            "customer_id,customer_email,customer_name,subject,description,category,priority,tags\n";

    static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(Path.of("samples", name));
    }

    /** A multipart/form-data upload with the file in field `file`, as curl -F sends it. */
    Api.Response upload(String path, String fileName, String type, byte[] content) {
        String boundary = "----supportdesk" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.sendBytes("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    long totalFor(String customer) {
        return api.get("/tickets/stats?customer_id=" + customer)
                .json()
                .get("total")
                .asLong();
    }

    static String rows(String customer, int count) {
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < count; i++) {
            csv.append(customer)
                    .append(",user")
                    .append(i)
                    .append("@example.com,User ")
                    .append(i)
                    .append(",Cannot log in,\"I cannot log in since this morning, it says access denied\",,,\"a,b\"\n");
        }
        return csv.toString();
    }
}
