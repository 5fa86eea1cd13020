package org.supportdesk.imports;

import java.util.List;

/** What an import did: exact counts, and the first errors and ids up to their caps. */
public record ImportResult(
        long total,
        long successCount,
        long errorCount,
        List<RowError> errors,
        List<String> importedIds,
        boolean errorsTruncated,
        boolean importedIdsTruncated,
        boolean dryRun) {

    static final int MAX_ERRORS = 1000;
    static final int MAX_IDS = 10_000;

    public record RowError(int row, List<String> errors) {}
}
