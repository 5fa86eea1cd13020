package org.supportdesk.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Every `supportdesk.*` setting; the README lists them with their environment variables. */
@ConfigurationProperties("supportdesk")
public record SupportdeskProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("100MB") DataSize importMaxSize,
        Path classifierRules,
        @DefaultValue Db db,
        @DefaultValue Attachments attachments,
        @DefaultValue Search search) {

    public record Db(
            String url,
            String user,
            String password,
            @DefaultValue("16") int poolSize,
            @DefaultValue("5000") long connectionTimeoutMs,
            @DefaultValue("256") int sqliteWriterCacheMb,
            @DefaultValue("64") int sqliteWalLimitMb) {}

    /** Files of comments: the largest file, and the largest total of one comment's files. */
    public record Attachments(
            @DefaultValue("10MB") DataSize maxFileSize,
            @DefaultValue("25MB") DataSize maxTotalSize) {}

    /** How many of a search's newest matches are ranked together (docs/SEARCH.md, rank windows). */
    public record Search(@DefaultValue("1000") int rankWindow) {
        public Search {
            if (rankWindow < 1) {
                throw new IllegalArgumentException(
                        "supportdesk.search.rank-window (SUPPORTDESK_SEARCH_RANK_WINDOW) must be at least 1, not "
                                + rankWindow);
            }
        }
    }
}
