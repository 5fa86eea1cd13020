package org.supportdesk.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Database;
import org.supportdesk.system.Sha256;

/**
 * Creates, lists, revokes and checks API keys. A key is `sd_` and 32 random bytes (base64url); only
 * its SHA-256 is stored. Keys are high-entropy, so a fast hash is enough: nothing can be guessed
 * from it, and it lets a key be found by its hash.
 *
 * <p>Lookups are cached by hash for {@code supportdesk.key-cache-ttl}, unknown keys too, so that a
 * request costs a hash and a map lookup. A revoke clears this instance's cache at once; other
 * instances notice within the TTL.
 */
@Service
class ApiKeyService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);
    static final String PREFIX = "sd_";
    private static final int MAX_CACHED = 10_000;
    private static final long TOUCH_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeys keys;
    private final Database db;
    private final Clock clock;
    private final long ttlMillis;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    /** When each key was last seen in use, to the minute: GET /api-keys shows it at once. */
    private final ConcurrentHashMap<UUID, Instant> lastUsed = new ConcurrentHashMap<>();

    private final ExecutorService toucher = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "api-key-last-used");
        thread.setDaemon(true);
        return thread;
    });

    /** A lookup's answer: the key, or null for a hash no active key has. */
    private record Cached(ApiKey key, byte[] hash, long expiresAt) {}

    ApiKeyService(ApiKeys keys, Database db, Clock clock, SecuritySettings settings) {
        this.keys = keys;
        this.db = db;
        this.clock = clock;
        this.ttlMillis = settings.keyCacheTtl().toMillis();
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(Sha256.of(secret));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    ApiKey.Created create(String name, Role role) {
        String secret = newSecret();
        ApiKey key = register(name, role, secret);
        return new ApiKey.Created(key.id(), key.name(), key.role(), secret, key.createdAt());
    }

    /** Stores a key with the given secret (the bootstrap's or the operator's). */
    ApiKey register(String name, Role role, String secret) {
        var key = new ApiKey(UUID.randomUUID(), name, role, now(), null, null);
        String hash = hash(secret);
        db.write(() -> {
            keys.insert(key, hash);
            return null;
        });
        cache.remove(hash);
        return key;
    }

    boolean isKnown(String secret) {
        return keys.findByHash(hash(secret)).isPresent();
    }

    boolean noKeys() {
        return keys.count() == 0;
    }

    List<ApiKey> list() {
        return keys.all().stream()
                .map(k -> {
                    Instant seen = lastUsed.get(k.id());
                    return seen != null && (k.lastUsedAt() == null || seen.isAfter(k.lastUsedAt()))
                            ? k.usedAt(seen)
                            : k;
                })
                .toList();
    }

    void revoke(UUID id) {
        boolean found = db.write(() -> keys.revoke(id, now()));
        cache.values().removeIf(c -> c.key() != null && c.key().id().equals(id));
        if (!found) {
            throw new ApiKeyNotFound();
        }
    }

    /** The active key with that secret, if there is one. */
    Optional<ApiKey> authenticate(String secret) {
        byte[] given = Sha256.of(secret);
        String hash = HexFormat.of().formatHex(given);
        long now = clock.millis();
        Cached cached = cache.get(hash);
        if (cached == null || cached.expiresAt() <= now) {
            cached = load(hash, given, now);
        }
        // The map found the entry by hash; compare the bytes again in constant time all the same.
        if (cached.key() == null || !MessageDigest.isEqual(cached.hash(), given)) {
            return Optional.empty();
        }
        noteUse(cached.key().id(), now);
        return Optional.of(cached.key());
    }

    private Cached load(String hash, byte[] given, long now) {
        ApiKey key = keys.findByHash(hash).filter(ApiKey::active).orElse(null);
        var cached = new Cached(key, given, now + ttlMillis);
        if (cache.size() >= MAX_CACHED) {
            // Floods of made-up keys must not grow memory: start over.
            cache.clear();
        }
        cache.put(hash, cached);
        return cached;
    }

    /** Records the use in memory, and in the database at most once a minute per key, off the request. */
    private void noteUse(UUID id, long now) {
        Instant previous = lastUsed.get(id);
        if (previous != null && now - previous.toEpochMilli() < TOUCH_EVERY_MILLIS) {
            return;
        }
        Instant at = Instant.ofEpochMilli(now);
        lastUsed.put(id, at);
        try {
            toucher.execute(() -> {
                try {
                    db.write(() -> {
                        keys.touch(id, at);
                        return null;
                    });
                } catch (RuntimeException e) {
                    log.warn("Could not record the last use of API key {}: {}", id, e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // The service is stopping; the last use stays in memory only.
        }
    }

    @Override
    public void destroy() {
        toucher.shutdown();
    }
}
