package org.supportdesk.tickets;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID v4 ticket ids from a cryptographic generator (ids must not be guessable, ADR-005), one
 * generator per thread: UUID.randomUUID() shares one synchronized generator among all requests.
 */
final class TicketIds {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    private TicketIds() {}

    static UUID next() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }
}
