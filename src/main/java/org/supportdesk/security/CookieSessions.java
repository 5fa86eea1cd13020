package org.supportdesk.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Workspace sessions in a signed cookie instead of a server-side store: `sd_session` holds the
 * agent's id, their session epoch, when the session began and when it was last refreshed, and a
 * random nonce, signed with HMAC-SHA256 under a key every instance shares (SharedSecrets). So a
 * session survives a restart and works on every instance behind a load balancer, and a request
 * writes nothing to the database (on SQLite a session write would wait behind a running import,
 * which holds the single writer). The agent is looked up (cached for seconds) on every request:
 * a deactivated agent, or one whose password changed (epoch), is signed out everywhere.
 *
 * <p>Sessions end after {@link #IDLE} without a request and after {@link #MAX_AGE} in all. Signing
 * out deletes the cookie; a copy taken before stays valid until one of those limits, or until the
 * agent's epoch changes (docs/SECURITY.md).
 */
class CookieSessions implements SecurityContextRepository {

    static final String COOKIE = "sd_session";
    static final Duration IDLE = Duration.ofHours(8);
    static final Duration MAX_AGE = Duration.ofDays(7);
    /** A session is refreshed (its idle time restarted) at most this often. */
    static final Duration REFRESH = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<byte[]> key;
    private final AgentService agents;
    private final Clock clock;
    private volatile byte[] cachedKey;

    /** A verified cookie's content. */
    record Session(UUID agent, int epoch, long startedAt, long seenAt, String nonce) {}

    CookieSessions(Supplier<byte[]> key, AgentService agents, Clock clock) {
        this.key = key;
        this.agents = agents;
        this.clock = clock;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private SecurityContext context;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    context = SecurityContextHolder.createEmptyContext();
                    signedIn(request).ifPresent(s -> context.setAuthentication(s.authentication()));
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    /** The agent the request's cookie names, if it is valid, current and theirs is active. */
    Optional<SignedIn> signedIn(HttpServletRequest request) {
        return session(request)
                .flatMap(s -> agents.find(s.agent())
                        .filter(a -> a.canSignIn() && a.sessionEpoch() == s.epoch())
                        .map(SignedIn::of));
    }

    Optional<Session> session(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return verify(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Called by the sign-in (Spring Security saves a context explicitly): a sign-in always gets a
     * new cookie with a new nonce, so nothing from before it carries over (session fixation).
     */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = context.getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedIn agent) {
            write(response, request.isSecure(), start(agent));
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return session(request).isPresent();
    }

    /** Restarts the idle time of a session that is older than {@link #REFRESH}. */
    void refresh(HttpServletRequest request, HttpServletResponse response) {
        session(request).ifPresent(s -> {
            long now = clock.millis();
            if (now - s.seenAt() >= REFRESH.toMillis()) {
                write(response, request.isSecure(), new Session(s.agent(), s.epoch(), s.startedAt(), now, s.nonce()));
            }
        });
    }

    Session start(SignedIn agent) {
        long now = clock.millis();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return new Session(agent.id(), agent.epoch(), now, now, HexFormat.of().formatHex(nonce));
    }

    void write(HttpServletResponse response, boolean secure, Session s) {
        String payload = "v1." + s.agent() + "." + s.epoch() + "." + s.startedAt() + "." + s.seenAt() + "." + s.nonce();
        String value = payload + "." + sign(payload);
        long maxAge = Math.max(0, Math.min(IDLE.toMillis(), s.startedAt() + MAX_AGE.toMillis() - clock.millis()));
        response.addHeader("Set-Cookie", cookie(value, secure, Duration.ofMillis(maxAge)));
    }

    static String cookie(String value, boolean secure, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build()
                .toString();
    }

    Optional<Session> verify(String value) {
        if (value == null || value.length() > 300) {
            return Optional.empty();
        }
        int cut = value.lastIndexOf('.');
        if (cut < 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, cut);
        byte[] given = value.substring(cut + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, sign(payload).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 6 || !parts[0].equals("v1")) {
            return Optional.empty();
        }
        try {
            var s = new Session(
                    UUID.fromString(parts[1]),
                    Integer.parseInt(parts[2]),
                    Long.parseLong(parts[3]),
                    Long.parseLong(parts[4]),
                    parts[5]);
            long now = clock.millis();
            if (now - s.seenAt() >= IDLE.toMillis() || now - s.startedAt() >= MAX_AGE.toMillis()) {
                return Optional.empty();
            }
            return Optional.of(s);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }

    private byte[] key() {
        byte[] k = cachedKey;
        if (k == null) {
            k = key.get();
            cachedKey = k;
        }
        return k;
    }

    /** Signing out: the cookie is deleted. */
    static void clear(HttpServletResponse response, boolean secure) {
        response.addHeader("Set-Cookie", cookie("", secure, Duration.ZERO));
    }
}
