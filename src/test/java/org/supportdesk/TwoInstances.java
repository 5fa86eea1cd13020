package org.supportdesk;

import java.util.List;

/**
 * Two instances of the service on one new PostgreSQL database, started side by side: for tests of
 * what several instances do at once. Close it after the tests.
 */
public record TwoInstances(String url, List<Instance> instances) implements AutoCloseable {

    public static TwoInstances start() throws Exception {
        String url = TestDatabase.newDatabase();
        return new TwoInstances(url, Concurrently.run(2, 2, i -> Instance.start(TestDatabase.settings(url))));
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
