package org.supportdesk;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The service in a JVM of its own, its output in a file: for what a process-wide setting changes. */
public record ServiceProcess(Process process, Api api, Path output) implements AutoCloseable {

    public static ServiceProcess start(Path dataDir, Map<String, String> environment, String... options)
            throws IOException {
        return start(dataDir, Path.of(System.getProperty("java.io.tmpdir")), environment, options);
    }

    /** With {@code tmpDir} as its java.io.tmpdir: to see what it leaves there. */
    public static ServiceProcess start(Path dataDir, Path tmpDir, Map<String, String> environment, String... options)
            throws IOException {
        int port = freePort();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(
                java,
                // The test JVM's temporary directory (target/tmp, see pom.xml), so that what the
                // service leaves there (Tomcat's directory, sqlite-jdbc's library: a killed process
                // deletes nothing) is not left in /tmp.
                "-Djava.io.tmpdir=" + tmpDir,
                "-cp",
                System.getProperty("java.class.path"),
                SupportdeskApplication.class.getName(),
                "--server.port=" + port,
                "--supportdesk.data-dir=" + dataDir));
        command.addAll(List.of(options));
        Path output = dataDir.resolveSibling(dataDir.getFileName() + "-" + System.nanoTime() + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start(), new Api(port), output);
    }

    /** Polls `GET /health` until it answers 200, the process dies or a minute passes. */
    public ServiceProcess awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + "; see " + output);
            }
            try {
                if (api.withKey(null).get("/health").status() == 200) {
                    return this;
                }
            } catch (RuntimeException notListeningYet) {
                // poll again
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service did not become healthy; see " + output);
    }

    /** Stops it as an orchestrator would (SIGTERM) and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
