package org.supportdesk.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may send: http or https to an address on the internet, not to this host or a
 * private network (the metadata service at 169.254.169.254, an admin console on 10.0.0.1...)
 * unless `supportdesk.webhooks.allow-private` says so. Checked at registration and again right
 * before each send, on the addresses the name resolves to then: a name that pointed outside when
 * registered and inside later (DNS rebinding) is refused at send time.
 */
@Component
class Targets {

    /** Resolves a host name; the JDK's resolver, a stand-in in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a target is refused: the message is the API's and the delivery log's. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    Targets(WebhookSettings settings, Resolver resolver) {
        this.allowPrivate = settings.allowPrivate();
        this.resolver = resolver;
    }

    /** Checks the URL's form only: an absolute http or https URL with a host and no user info. */
    static String formProblem(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return "URL should be an absolute http or https URL";
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return "URL should name a host";
        }
        if (url.getRawUserInfo() != null) {
            return "URL should not carry a user name or password; use the signature to authenticate";
        }
        if (url.getRawFragment() != null) {
            return "URL should not have a fragment";
        }
        return null;
    }

    /** Resolves the URL's host and refuses it when any address it has is not allowed. */
    InetAddress[] check(URI url) throws Refused {
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("Cannot resolve the host " + host);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                String kind = restricted(address);
                if (kind != null) {
                    throw new Refused("The host " + host + " resolves to " + address.getHostAddress() + ", a " + kind
                            + " address; set supportdesk.webhooks.allow-private=true to allow it");
                }
            }
        }
        return addresses;
    }

    /** What kind of address this is when it is not on the public internet, else null. */
    static String restricted(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "wildcard";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first == 255 && second == 255) {
                return "reserved";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "private"; // carrier-grade NAT, 100.64.0.0/10
            }
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private"; // unique local, fc00::/7
            }
            if (isMappedOrCompatible(b)) {
                // ::ffff:10.0.0.1 and the like: judged by the IPv4 address inside
                try {
                    return restricted(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return "reserved";
                }
            }
        }
        return null;
    }

    private static boolean isMappedOrCompatible(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }
}
