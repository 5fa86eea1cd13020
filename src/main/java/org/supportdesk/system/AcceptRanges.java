package org.supportdesk.system;

import java.util.List;
import org.springframework.http.MediaType;

/**
 * What an `Accept` header allows, as RFC 9110 (12.5.1) has it: a type is acceptable when the most
 * specific range that includes it has a quality above 0, so `application/json;q=0` refuses JSON,
 * also beside a `*&#47;*` that would allow it. Spring MVC reads the qualities only to order the
 * ranges: `Accept: application/json;q=0` got a 200 in JSON.
 */
final class AcceptRanges {

    /** What Jackson writes the API's answers as (its converter also takes `application/*+json`). */
    private static final MediaType JSON_SUFFIX = new MediaType("application", "*+json");

    private AcceptRanges() {}

    /** Whether the ranges allow {@code type}: the most specific including it, the best quality of those. */
    static boolean allows(List<MediaType> ranges, MediaType type) {
        int specific = -1;
        double quality = 0;
        for (MediaType range : ranges) {
            if (range.includes(type)) {
                int s = specificity(range);
                if (s > specific) {
                    specific = s;
                    quality = range.getQualityValue();
                } else if (s == specific) {
                    quality = Math.max(quality, range.getQualityValue());
                }
            }
        }
        return quality > 0;
    }

    /**
     * Whether the ranges allow an answer in JSON: `application/json`, or a JSON type the header
     * names (`application/problem+json`), which Jackson's converter writes too.
     */
    static boolean allowJson(List<MediaType> ranges) {
        if (allows(ranges, MediaType.APPLICATION_JSON)) {
            return true;
        }
        for (MediaType range : ranges) {
            if (range.isConcrete() && JSON_SUFFIX.includes(range) && allows(ranges, range)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any range has a quality of 0: only then can these rules differ from Spring's. */
    static boolean refusesAny(List<MediaType> ranges) {
        return ranges.stream().anyMatch(r -> r.getQualityValue() == 0);
    }

    private static int specificity(MediaType range) {
        if (range.isWildcardType()) {
            return 0;
        }
        if (range.isWildcardSubtype()) {
            return range.getSubtypeSuffix() == null ? 1 : 2;
        }
        return 3;
    }
}
