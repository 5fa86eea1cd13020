package org.supportdesk.system;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * The 406's words. Spring's reason phrase alone ("Not Acceptable") tells a client neither what the
 * endpoint could have answered nor, for a change, whether it was made; so the detail names the
 * types the answer can be (Spring lists them for a read; a change answers JSON), and a change
 * refused by {@link AcceptBeforeWriting} says that nothing was changed, so that it can be sent
 * again as it is, with another `Accept`.
 */
final class NotAcceptable {

    /** What a change answers with; Jackson's converter also takes `application/*+json`. */
    static final List<MediaType> CHANGES_ANSWER = List.of(MediaType.APPLICATION_JSON);

    private NotAcceptable() {}

    /** AcceptBeforeWriting's refusal: thrown before the handler ran, so nothing was changed. */
    static final class BeforeChange extends RuntimeException {

        private final boolean unreadable;

        /** @param unreadable the Accept header is not a list of media types */
        BeforeChange(boolean unreadable) {
            super(unreadable ? "Accept header is not a list of media types" : "Accept header rules out JSON");
            this.unreadable = unreadable;
        }
    }

    /** AcceptRefusalsOnReads' refusal of a read's answer in {@code type} (`application/json`). */
    static final class Refused extends RuntimeException {

        final String type;

        Refused(String type) {
            super("Accept header refuses " + type + " with q=0");
            this.type = type;
        }
    }

    static String detail(BeforeChange e) {
        return "Not Acceptable: " + why(e.unreadable, List.of("application/json"))
                + "; nothing was changed: send it again with an Accept that allows application/json (or none)";
    }

    static String detail(HttpMediaTypeNotAcceptableException e) {
        List<String> types = shown(e.getSupportedMediaTypes());
        // Spring lists no types when it could not parse the header.
        boolean unreadable = types.isEmpty();
        return "Not Acceptable: " + why(unreadable, types) + "; send "
                + (unreadable ? "a valid one" : "an Accept that allows " + (types.size() == 1 ? "it" : "one of them"))
                + " (or none)";
    }

    private static String why(boolean unreadable, List<String> types) {
        return unreadable
                ? "the Accept header is not a list of media types (RFC 9110)"
                : (types.size() == 1 ? "the answer is " : "the answer can be ") + String.join(" or ", types)
                        + ", which the Accept header rules out";
    }

    /** The concrete types (`application/*+json` is a pattern, not one to ask for), without parameters. */
    private static List<String> shown(List<MediaType> types) {
        Set<String> shown = new LinkedHashSet<>();
        for (MediaType type : types) {
            if (type.isConcrete()) {
                shown.add(type.getType() + "/" + type.getSubtype());
            }
        }
        return List.copyOf(shown);
    }
}
