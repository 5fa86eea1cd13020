package org.supportdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes the test JVM's temporary directory before any test runs. Surefire points java.io.tmpdir at
 * target/tmp (pom.xml), which the build empties before each run; a JVM started otherwise with that
 * option (an IDE that takes Surefire's argLine, `surefire:test` alone after a clean) would find no
 * directory, and every temporary file would fail. Never deletes anything: without the option the
 * directory is /tmp.
 */
public final class TestTmpDir implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
