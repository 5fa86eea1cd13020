package org.supportdesk.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tomcat's base directory is a folder of `<data-dir>/tomcat/`. Left unset, Spring Boot made a new
 * `tomcat.<port>.*` (and `tomcat-docbase.<port>.*`) in the temporary directory at every start,
 * which Tomcat could not delete at exit (its work folder): dozens after many restarts. And that
 * work folder holds the multipart parts past `spring.servlet.multipart.file-size-threshold` and the
 * chunked imports being received ({@link SpooledBody}): customer data, which a kill -9 left in /tmp.
 *
 * <p>Here every run has a folder `tomcat/<run>` and a lock file `tomcat/<run>.lock`, locked while
 * it runs: a stop deletes both, and a start deletes what a killed run left (a folder whose lock no
 * one holds). A service runs alone on its data directory (with PostgreSQL too, each instance has
 * its own), but the lock lets services started on one directory anyway (the tests' servers, an
 * operator's mistake) never delete each other's uploads. All of it is owner-only, made before
 * Tomcat would make it with the umask's permissions (rwxr-xr-x), with the data directory when that
 * is missing. An operator's own `server.tomcat.basedir` is used as it is, never emptied.
 */
@Component
class TomcatDirectory implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TomcatDirectory.class);
    private static final String LOCK = ".lock";
    /** A lock file not yet named: locked first, then renamed, so that no start takes it for a dead run's. */
    private static final String NEW_LOCK = ".lock.new";

    /** Null when the operator chose Tomcat's base directory. */
    private final Path dir;

    private Path run;
    private FileChannel lock;

    TomcatDirectory(SupportdeskProperties properties, Environment env) {
        this.dir = StringUtils.hasText(env.getProperty("server.tomcat.basedir"))
                ? null
                : properties.dataDir().resolve("tomcat").toAbsolutePath();
    }

    @Override
    public synchronized void customize(TomcatServletWebServerFactory factory) {
        if (dir == null || run != null) {
            return;
        }
        try {
            OwnerOnly.createDirectories(dir);
            deleteDeadRuns();
            String name = UUID.randomUUID().toString();
            Path pending = dir.resolve(name + NEW_LOCK);
            OwnerOnly.createFile(pending);
            lock = FileChannel.open(pending, StandardOpenOption.WRITE);
            lock.lock();
            Files.move(pending, dir.resolve(name + LOCK));
            run = dir.resolve(name);
            // Tomcat's document root: no file is served from it (the workspace's come from the
            // class path), but without one Spring Boot makes a temporary directory for it.
            OwnerOnly.createDirectories(run.resolve("docbase"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Tomcat's directory in " + dir, e);
        }
        factory.setBaseDirectory(run.toFile());
        if (factory.getSettings().getDocumentRoot() == null) {
            factory.setDocumentRoot(run.resolve("docbase").toFile());
        }
    }

    /** Deletes the folders (and lock files) of runs that no running service holds: killed ones. */
    private void deleteDeadRuns() throws IOException {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(dir)) {
            entries = listing.toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.endsWith(LOCK) || name.endsWith(NEW_LOCK)) {
                String runName = name.substring(0, name.indexOf('.'));
                deleteIfDead(entry, dir.resolve(runName));
            } else if (!Files.exists(dir.resolve(name + LOCK)) && !Files.exists(dir.resolve(name + NEW_LOCK))) {
                // A run's folder made after its lock file and deleted before it: no lock, no run.
                deleteTree(entry);
            }
        }
    }

    private static void deleteIfDead(Path lockFile, Path folder) {
        try {
            if (lockFile.toString().endsWith(NEW_LOCK)
                    && Files.getLastModifiedTime(lockFile).toMillis() > System.currentTimeMillis() - 60_000) {
                return; // a run starting now, between making its lock file and locking it
            }
        } catch (IOException gone) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return; // another process's run
            }
            deleteTree(folder);
            Files.deleteIfExists(lockFile);
        } catch (OverlappingFileLockException alive) {
            // a run of another service in this JVM
        } catch (IOException e) {
            log.warn("Cannot delete {} left by a stopped run: {}", folder, e.toString());
        }
    }

    private static void deleteTree(Path root) {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", root, e.toString());
            return;
        }
        for (Path path : all) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Not a reason to refuse to start: the next start tries again.
                log.warn("Cannot delete {}: {}", path, e.toString());
            }
        }
    }

    /** After Tomcat stopped: this run's folder goes, then its lock. */
    @Override
    public synchronized void destroy() throws IOException {
        if (run == null) {
            return;
        }
        deleteTree(run);
        Files.deleteIfExists(dir.resolve(run.getFileName() + LOCK));
        lock.close();
    }
}
