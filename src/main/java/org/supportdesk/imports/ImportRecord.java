package org.supportdesk.imports;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record of an import file.
 *
 * @param row the 1-based position of the record in the file (for CSV the header is not counted)
 * @param fields the record shaped like a {@code POST /tickets} body, not validated; never null
 * @param problem null for a readable record; otherwise why this record could not be turned into
 *     a ticket body (e.g. "record is not a JSON object"): report it as this row's error instead of
 *     validating {@code fields}
 */
public record ImportRecord(int row, ObjectNode fields, String problem) {

    public ImportRecord(int row, ObjectNode fields) {
        this(row, fields, null);
    }

    static ImportRecord problem(int row, String problem) {
        return new ImportRecord(row, JsonNodeFactory.instance.objectNode(), problem);
    }

    public boolean hasProblem() {
        return problem != null;
    }
}
