package org.supportdesk.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data directory holds customer data and keys, so what the service creates there is readable
 * by its owner only (rwx------ and rw-------), where the file system has POSIX permissions; on
 * others (Windows) the files get the defaults of their directory. What exists already is left as
 * it is: an operator who widened the permissions on purpose keeps them.
 */
public final class OwnerOnly {

    private OwnerOnly() {}

    /** Creates the directory and its missing parents; nothing when it exists. */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix(dir)) {
            Files.createDirectories(dir, permissions("rwx------"));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Creates an empty file; fails when it exists. */
    public static void createFile(Path file) throws IOException {
        if (posix(file)) {
            Files.createFile(file, permissions("rw-------"));
        } else {
            Files.createFile(file);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> permissions(String symbolic) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(symbolic));
    }
}
