package org.supportdesk;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two instances of the service on one new PostgreSQL database, started side by side: for tests of
 * what several instances do at once. Each has a data directory of its own, as two machines have, so
 * that nothing one keeps on its disk can stand in for what it must share through the database.
 * Close it after the tests.
 */
public record TwoInstances(String url, List<Instance> instances) implements AutoCloseable {

    public static TwoInstances start() throws Exception {
        String url = TestDatabase.newDatabase();
        var dataDirs = List.of(
                Files.createTempDirectory("supportdesk-instance"), Files.createTempDirectory("supportdesk-instance"));
        return new TwoInstances(url, Concurrently.run(2, 2, i -> {
            var settings = new HashMap<String, String>(TestDatabase.settings(url));
            settings.put("supportdesk.data-dir", dataDirs.get(i).toString());
            return Instance.start(Map.copyOf(settings));
        }));
    }

    /** The API of instance {@code i % 2}, so that a loop over requests alternates between them. */
    public Api api(int i) {
        return instances.get(i % 2).api();
    }

    @Override
    public void close() {
        instances.forEach(Instance::close);
    }
}
