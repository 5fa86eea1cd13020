package org.supportdesk;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two instances of the service on one new PostgreSQL database, started side by side: for tests of
 * what several instances do at once. Each has a data directory of its own, as two machines have, so
 * that nothing one keeps on its disk can stand in for what it must share through the database.
 *
 * <p>For a test class: {@code @RegisterExtension static final TwoInstances two = TwoInstances.forEachClass();}
 * starts them before the class's first test (and its {@code @BeforeAll} methods) and closes them
 * after its last. Elsewhere {@link #start} gives two started ones, to close after use.
 */
public final class TwoInstances implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> extra;
    private final Class<?>[] beans;
    private String url;
    private Map<String, String> settings;
    private List<Instance> instances;

    private TwoInstances(Map<String, String> extra, Class<?>... beans) {
        this.extra = extra;
        this.beans = beans;
    }

    /** Started before a test class's tests, closed after them. */
    public static TwoInstances forEachClass() {
        return forEachClass(Map.of());
    }

    /** The same, both with {@code settings} besides the database's and the beans of {@code beans} (see Instance). */
    public static TwoInstances forEachClass(Map<String, String> settings, Class<?>... beans) {
        return new TwoInstances(settings, beans);
    }

    public static TwoInstances start() throws Exception {
        return start(Map.of());
    }

    /** Both with {@code settings} besides the database's, and the beans of {@code beans} (see Instance). */
    public static TwoInstances start(Map<String, String> settings, Class<?>... beans) throws Exception {
        var two = new TwoInstances(settings, beans);
        two.startBoth();
        return two;
    }

    private void startBoth() throws Exception {
        url = TestDatabase.newDatabase();
        var all = new HashMap<>(extra);
        all.putAll(TestDatabase.settings(url));
        settings = Map.copyOf(all);
        var dataDirs = List.of(
                Files.createTempDirectory("supportdesk-instance"), Files.createTempDirectory("supportdesk-instance"));
        instances = Concurrently.run(2, 2, i -> {
            var own = new HashMap<>(settings);
            own.put("supportdesk.data-dir", dataDirs.get(i).toString());
            return Instance.start(Map.copyOf(own), beans);
        });
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startBoth();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** The database's JDBC URL, for SQL behind the instances' backs. */
    public String url() {
        return url;
    }

    /**
     * What both instances were started with, the database's included, but not their data
     * directories: a third instance started with them joins the two.
     */
    public Map<String, String> settings() {
        return settings;
    }

    public List<Instance> instances() {
        return instances;
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
        if (instances != null) {
            instances.forEach(Instance::close);
        }
    }
}
