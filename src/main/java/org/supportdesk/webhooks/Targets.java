package org.supportdesk.webhooks;

import java.net.IDN;
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
            String ascii = asciiHost(url.getRawAuthority());
            return ascii == null
                    ? "URL should name a host"
                    : "URL should name its host in ASCII: write " + ascii
                            + " (the name's IDNA form, which is what DNS resolves)";
        }
        if (url.getRawUserInfo() != null) {
            return "URL should not carry a user name or password; use the signature to authenticate";
        }
        if (url.getRawFragment() != null) {
            return "URL should not have a fragment";
        }
        if (url.getPort() == 0 || url.getPort() > 65535) {
            return "URL's port should be from 1 to 65535";
        }
        return null;
    }

    /**
     * The IDNA (`xn--`) form of an authority's host written in another script (`bücher.example`),
     * or null when it has none: `URI` reads no host from such an authority, and the JDK's HTTP
     * client could not send to one.
     */
    private static String asciiHost(String authority) {
        if (authority == null || authority.chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.lastIndexOf(':');
        if (port >= 0) {
            host = host.substring(0, port);
        }
        try {
            return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Refuses a URL of a form the service does not send to, or whose host resolves to any address
     * that is not allowed. The form is checked again at send time for URLs stored before a rule.
     */
    InetAddress[] check(URI url) throws Refused {
        String form = formProblem(url);
        if (form != null) {
            throw new Refused(form);
        }
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
                String kind = Addresses.restricted(address);
                if (kind != null) {
                    throw new Refused("The host " + host + " resolves to " + address.getHostAddress() + ", a " + kind
                            + " address; set supportdesk.webhooks.allow-private=true to allow it");
                }
            }
        }
        return addresses;
    }
}
