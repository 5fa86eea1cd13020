package org.supportdesk.tickets;

import org.hibernate.validator.constraints.CodePointLength;

/** Where a ticket came from. */
public record Metadata(
        Source source, @CodePointLength(max = 100) String browser, DeviceType deviceType) {

    static final Metadata DEFAULT = new Metadata(Source.API, null, null);

    public Metadata {
        source = source == null ? Source.API : source;
    }
}
