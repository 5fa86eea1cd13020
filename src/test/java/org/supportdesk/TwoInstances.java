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
 *
 * @param url the database's JDBC URL, for SQL behind the instances' backs
 * @param settings what both instances were started with, the database's included, but not their
 *     data directories: a third instance started with them joins the two
 */
public record TwoInstances(String url, Map<String, String> settings, List<Instance> instances)
        implements AutoCloseable {

    public static TwoInstances start() throws Exception {
        return start(Map.of());
    }

    /** Both with {@code settings} besides the database's, and the beans of {@code beans} (see Instance). */
    public static TwoInstances start(Map<String, String> settings, Class<?>... beans) throws Exception {
        String url = TestDatabase.newDatabase();
        var all = new HashMap<>(settings);
        all.putAll(TestDatabase.settings(url));
        var dataDirs = List.of(
                Files.createTempDirectory("supportdesk-instance"), Files.createTempDirectory("supportdesk-instance"));
        return new TwoInstances(url, Map.copyOf(all), Concurrently.run(2, 2, i -> {
            var own = new HashMap<>(all);
            own.put("supportdesk.data-dir", dataDirs.get(i).toString());
            return Instance.start(Map.copyOf(own), beans);
        }));
    }

    /** The API of instance {@code i % 2}, so that a loop over requests alternates between them. */
    public Api api(int i) {
        return instance(i).api();
    }

    /** Instance {@code i % 2}. */
    public Instance instance(int i) {
        return instances.get(i % 2);
    }

    @Override
    public void close() {
        instances.forEach(Instance::close);
    }
}
