package org.supportdesk.webhooks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses are not on the public internet, from IANA's special-purpose registries (RFC 6890
 * and later): a webhook may not send to them unless the operator allows it. An IPv6 address that
 * carries an IPv4 one (mapped, NAT64, 6to4) is judged by the IPv4 address inside, since a network
 * that routes those prefixes delivers to it.
 */
final class Addresses {

    private record Range(byte[] prefix, int bits, String kind) {
        static Range of(String cidr, String kind) {
            int slash = cidr.indexOf('/');
            try {
                return new Range(
                        InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)),
                        kind);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Range> IPV4 = List.of(
            Range.of("0.0.0.0/32", "wildcard"),
            Range.of("0.0.0.0/8", "reserved"), // "this network"
            Range.of("10.0.0.0/8", "private"),
            Range.of("100.64.0.0/10", "private"), // carrier-grade NAT
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("169.254.0.0/16", "link-local"), // the cloud metadata service among them
            Range.of("172.16.0.0/12", "private"),
            Range.of("192.0.0.0/24", "reserved"), // IETF protocol assignments
            Range.of("192.0.2.0/24", "documentation"),
            Range.of("192.88.99.0/24", "reserved"), // the former 6to4 relays
            Range.of("192.168.0.0/16", "private"),
            Range.of("198.18.0.0/15", "benchmarking"),
            Range.of("198.51.100.0/24", "documentation"),
            Range.of("203.0.113.0/24", "documentation"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("240.0.0.0/4", "reserved")); // 255.255.255.255, the broadcast address, too

    /** Within 2000::/3, the only IPv6 space handed out for the internet. */
    private static final List<Range> IPV6 = List.of(
            Range.of("2001::/23", "reserved"), // IETF protocol assignments: Teredo (2001::/32), benchmarking...
            Range.of("2001:db8::/32", "documentation"),
            Range.of("3fff::/20", "documentation"));

    private static final Range GLOBAL_UNICAST = Range.of("2000::/3", "");
    private static final Range COMPATIBLE = Range.of("::/96", "");
    private static final Range NAT64 = Range.of("64:ff9b::/96", "");
    private static final Range SIX_TO_FOUR = Range.of("2002::/16", "");

    private Addresses() {}

    /** What kind of address this is when it is not on the public internet, else null. */
    static String restricted(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? restricted4(b) : restricted6(b);
    }

    private static String restricted4(byte[] b) {
        for (Range range : IPV4) {
            if (range.contains(b)) {
                return range.kind();
            }
        }
        return null;
    }

    private static String restricted6(byte[] b) {
        if (Arrays.equals(b, new byte[16])) {
            return "wildcard";
        }
        if (b[15] == 1 && Arrays.equals(Arrays.copyOf(b, 15), new byte[15])) {
            return "loopback";
        }
        // ::ffff:10.0.0.1 (mapped), ::10.0.0.1 (compatible), 64:ff9b::10.0.0.1 (NAT64): the last 32 bits
        if (isMapped(b) || COMPATIBLE.contains(b) || NAT64.contains(b)) {
            return restricted4(Arrays.copyOfRange(b, 12, 16));
        }
        if (SIX_TO_FOUR.contains(b)) {
            return restricted4(Arrays.copyOfRange(b, 2, 6)); // 2002:AABB:CCDD::/48 is AA.BB.CC.DD's network
        }
        if ((b[0] & 0xff) == 0xff) {
            return "multicast";
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return "private"; // unique local, fc00::/7
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return "link-local";
        }
        if (!GLOBAL_UNICAST.contains(b)) {
            // 100::/64 (discard), 64:ff9b:1::/48 (local NAT64), fec0::/10 (old site-local) and the unassigned rest
            return "reserved";
        }
        for (Range range : IPV6) {
            if (range.contains(b)) {
                return range.kind();
            }
        }
        return null;
    }

    /** ::ffff:0:0/96, written out: the JDK parses that literal to an IPv4 address. */
    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }
}
