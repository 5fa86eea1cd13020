package org.supportdesk.tickets;

import jakarta.validation.constraints.Size;

/** Where a ticket came from. */
public record Metadata(Source source, @Size(max = 100) String browser, DeviceType deviceType) {

    static final Metadata DEFAULT = new Metadata(Source.API, null, null);

    public Metadata {
        source = source == null ? Source.API : source;
    }
}
