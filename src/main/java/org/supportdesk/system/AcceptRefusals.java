package org.supportdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A type that the request's `Accept` refuses with `q=0` ({@link AcceptRanges}) is a 406, which
 * Spring does not give: it reads qualities only to order the ranges. Answers written through the
 * message converters are checked as they are written ({@link AcceptRefusalsOnReads}); an answer the
 * handler streams itself (`GET /tickets/export`) never passes there, so its handler asks here
 * before the first byte: `Accept: text/csv;q=0` got a CSV download.
 */
public final class AcceptRefusals {

    private AcceptRefusals() {}

    /** Throws the 406 ({@link ErrorHandler}) when the request's `Accept` refuses {@code type} with `q=0`. */
    public static void refuseIfRefused(HttpServletRequest request, MediaType type) {
        if (!mayHoldQualityZero(request)) {
            return; // nearly every request: no header to parse
        }
        List<MediaType> ranges;
        try {
            ranges = AcceptBeforeWriting.accepted(request);
        } catch (NotAcceptable.BeforeChange unreadable) {
            // Not a list of media types: Spring reads it (and answers its 406) where it negotiates,
            // and ignores it where it does not, as it always has.
            return;
        }
        MediaType plain = new MediaType(type.getType(), type.getSubtype());
        if (AcceptRanges.refusesAny(ranges) && !AcceptRanges.allows(ranges, plain)) {
            throw new NotAcceptable.Refused(plain.toString());
        }
    }

    /** A quality of 0 is written {@code q=0}, {@code q=0.0}, ...: no "=0" in the header, no refusal. */
    private static boolean mayHoldQualityZero(HttpServletRequest request) {
        var headers = request.getHeaders(HttpHeaders.ACCEPT);
        while (headers.hasMoreElements()) {
            if (headers.nextElement().contains("=0")) {
                return true;
            }
        }
        return false;
    }
}
