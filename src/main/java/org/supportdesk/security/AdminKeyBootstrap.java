package org.supportdesk.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.supportdesk.system.OwnerOnly;
import org.supportdesk.system.SupportdeskProperties;

/**
 * The first key. At start-up, before the server takes requests: when `supportdesk.admin-key` is
 * set and not yet known, it is registered as an admin key named "admin"; otherwise, when there is
 * no key at all, an admin key is generated, written to `admin.key` in the data directory
 * (readable by its owner only) and shown once in the log, unless the log is JSON (shipped to a log
 * store), where only the file is named. The file is never overwritten: found
 * there on a start without keys, its key is registered again.
 */
@Component
class AdminKeyBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);
    static final String FILE = "admin.key";
    static final int MIN_CONFIGURED_LENGTH = 32;

    private final ApiKeyService keys;
    private final SecuritySettings settings;
    private final Path file;
    private final boolean logsShipped;

    AdminKeyBootstrap(
            ApiKeyService keys,
            SecuritySettings settings,
            SupportdeskProperties properties,
            @Value("${logging.structured.format.console:}") String structuredLogs) {
        this.keys = keys;
        this.settings = settings;
        this.file = properties.dataDir().resolve(FILE).toAbsolutePath();
        // JSON logs go to a log store that others read: the key stays in the file only.
        this.logsShipped = !structuredLogs.isBlank();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!settings.auth()) {
            log.warn("""

                    ************************************************************************
                      AUTHENTICATION IS OFF (supportdesk.auth=off / SUPPORTDESK_AUTH=off)
                      Anyone who can reach this port can read, change and delete tickets,
                      as "anonymous". Only for a trusted local network.
                    ************************************************************************""");
            return;
        }
        String configured = settings.adminKey();
        if (configured != null && !configured.isBlank()) {
            registerConfigured(configured.trim());
        } else if (keys.noKeys()) {
            bootstrap();
        }
    }

    private void registerConfigured(String secret) {
        if (secret.length() < MIN_CONFIGURED_LENGTH || secret.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalStateException("supportdesk.admin-key (SUPPORTDESK_ADMIN_KEY) must be at least "
                    + MIN_CONFIGURED_LENGTH + " characters without spaces; generate one with"
                    + " `openssl rand -base64 32`");
        }
        if (!keys.isKnown(secret) && register(secret)) {
            log.info("Registered the admin key from supportdesk.admin-key (SUPPORTDESK_ADMIN_KEY)");
        }
    }

    /**
     * Stores the admin key; false when another instance, starting at the same time on the same
     * database, stored the same key first.
     */
    private boolean register(String secret) {
        try {
            keys.register("admin", Role.ADMIN, secret);
            return true;
        } catch (DataIntegrityViolationException e) {
            if (keys.isKnown(secret)) {
                return false;
            }
            throw e;
        }
    }

    private void bootstrap() {
        String secret = ApiKeyService.newSecret();
        try {
            OwnerOnly.createDirectories(file.getParent());
            write(file, secret);
        } catch (FileAlreadyExistsException e) {
            // Kept from an earlier start: a fresh database gets the same key again.
            secret = read(file);
            if (register(secret)) {
                log.warn("No API key in the database: registered the admin key found in {}", file);
            }
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first admin key to " + file, e);
        }
        // The file first: if storing the key fails, the next start registers the file's key.
        register(secret);
        if (logsShipped) {
            log.warn("First start: created an admin API key and saved it in {} (readable by its owner only)", file);
            return;
        }
        log.warn("""

                ************************************************************************
                  First start: created an admin API key. It is shown only this once
                  and saved in {} (readable by its owner only):

                    {}

                  Use it as `Authorization: Bearer <key>`; create other keys with
                  POST /api-keys and revoke this one when you have your own.
                ************************************************************************""", file, secret);
    }

    /** Creates the file, owner read/write only; fails if it exists, so nothing is overwritten. */
    static void write(Path file, String secret) throws IOException {
        byte[] content = (secret + "\n").getBytes(StandardCharsets.UTF_8);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.write(file, content);
    }

    private static String read(Path file) {
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.length() < MIN_CONFIGURED_LENGTH) {
                throw new IllegalStateException(file + " does not hold an API key; move it away to get a new one");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
