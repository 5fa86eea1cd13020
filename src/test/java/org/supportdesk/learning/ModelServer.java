package org.supportdesk.learning;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.supportdesk.Api;
import org.supportdesk.Instance;
import org.supportdesk.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * A database for the model's tests (a data directory for SQLite, or a database of its own on the
 * PostgreSQL run) and instances of the whole service on it, polling every 100 ms, with SQL for
 * what a test does behind the service's back.
 */
final class ModelServer {

    private final Path dataDir;
    private final String url;

    ModelServer(Path dataDir) {
        this.dataDir = dataDir;
        this.url = TestDatabase.isPostgres() ? TestDatabase.newDatabase() : null;
    }

    /** An instance with these settings besides the tests' own: fast polls, small thresholds. */
    Instance start(Map<String, String> settings) {
        var all = new HashMap<>(settings(dataDir, settings));
        if (url != null) {
            all.putAll(TestDatabase.settings(url));
        }
        return Instance.start(all);
    }

    /** The tests' own settings (fast polls, small thresholds) and {@code settings}, without a database. */
    static Map<String, String> settings(Path dataDir, Map<String, String> settings) {
        var all = new HashMap<String, String>();
        all.put("supportdesk.data-dir", dataDir.toString());
        all.put("supportdesk.classifier.poll-interval", "100ms");
        all.put("supportdesk.classifier.min-examples", "50");
        all.putAll(settings);
        return all;
    }

    Connection connect() throws SQLException {
        return url != null
                ? DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)
                : DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("supportdesk.db"));
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = connect();
                var s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Makes every insert of a model fail, as a database refusing the write would. */
    void refuseNewModels() throws SQLException {
        if (url != null) {
            sql(
                    "CREATE FUNCTION refuse_model() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test';"
                            + " END $$ LANGUAGE plpgsql",
                    "CREATE TRIGGER refuse_model BEFORE INSERT ON classifier_models FOR EACH ROW EXECUTE FUNCTION"
                            + " refuse_model()");
        } else {
            sql("CREATE TRIGGER refuse_model BEFORE INSERT ON classifier_models BEGIN SELECT RAISE(ABORT, 'refused by"
                    + " the test'); END");
        }
    }

    void acceptNewModels() throws SQLException {
        if (url != null) {
            sql("DROP TRIGGER refuse_model ON classifier_models", "DROP FUNCTION refuse_model()");
        } else {
            sql("DROP TRIGGER refuse_model");
        }
    }

    static JsonNode model(Api api) {
        return api.get("/classification/model").json();
    }

    /** The version of the model an instance uses, 0 before the first. */
    static int version(Api api) {
        JsonNode model = model(api).get("model");
        return model.isNull() ? 0 : model.get("version").asInt();
    }

    static JsonNode importCsv(Api api, String csv) {
        Api.Response response = api.send("POST", "/import/csv", "text/csv", csv, Map.of());
        if (response.status() != 200) {
            throw new IllegalStateException(response.body());
        }
        return response.json();
    }

    /** Waits for a job to finish, and returns it. */
    static JsonNode finished(Api api, String jobId) {
        return Eventually.await(
                "training " + jobId + " finished",
                () -> api.get("/classification/model/jobs/" + jobId).json(),
                job -> job.get("state").asString().equals("succeeded")
                        || job.get("state").asString().equals("failed"));
    }
}
