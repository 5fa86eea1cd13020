package org.supportdesk.imports;

import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import javax.xml.stream.XMLStreamException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads XML {@code <tickets><ticket>…</ticket></tickets>} with StAX, one ticket at a time. Elements
 * are matched by local name (namespaces are ignored); an empty or whitespace-only element is absent;
 * unknown children of {@code <ticket>} become string fields for the validator to report. DTDs are
 * refused before anything in them is used (see {@link XmlInput}), and the walk through the file is
 * bounded by {@link XmlCursor}.
 */
final class XmlTicketReader extends LookaheadReader {

    private final Utf8Text text;
    private XmlCursor cursor;

    XmlTicketReader(Utf8Text text) {
        super(text);
        this.text = text;
    }

    @Override
    ImportRecord readNext() {
        try {
            if (cursor == null) {
                openRoot();
            }
            cursor.seekRecord();
            while (true) {
                int event = cursor.advance();
                if (event == START_ELEMENT) {
                    int row = cursor.beginRecord();
                    String name = cursor.localName();
                    if (!name.equals("ticket")) {
                        cursor.skip();
                        return ImportRecord.problem(row, "element <" + name + "> is not a <ticket>");
                    }
                    return readTicket(row);
                } else if (event == END_ELEMENT) {
                    cursor.toEnd();
                    return null;
                } else if (cursor.isLooseText(event)) {
                    throw cursor.malformed("text directly inside <tickets>, outside any <ticket>");
                }
            }
        } catch (XMLStreamException e) {
            MalformedImportException cause = Causes.find(e);
            if (cause != null) {
                throw cause;
            }
            if (cursor == null || cursor.depth() == 0 && !text.sawContent()) {
                throw new MalformedImportException("line 1: file is empty");
            }
            throw cursor.malformed(e);
        }
    }

    private void openRoot() throws XMLStreamException {
        cursor = new XmlCursor(text);
        if (!cursor.toRoot()) {
            throw new MalformedImportException("line 1: file is empty");
        }
        if (!cursor.localName().equals("tickets")) {
            throw cursor.malformed("the root element is <" + cursor.qualifiedName() + ">, expected <tickets>");
        }
    }

    private ImportRecord readTicket(int row) throws XMLStreamException {
        ObjectNode ticket = TicketFields.NODES.objectNode();
        String problem = null;
        for (int event = cursor.advance(); event != END_ELEMENT; event = cursor.advance()) {
            String found = null;
            if (event == START_ELEMENT) {
                String name = cursor.localName();
                found = switch (name) {
                    case TicketFields.TAGS -> readList(ticket, TicketFields.TAGS, "tag", true);
                    case TicketFields.METADATA, "classification" -> readObject(ticket, name);
                    default -> readField(ticket, name, name);
                };
            } else if (cursor.isLooseText(event)) {
                found = "text directly inside <ticket>, outside any field element";
            }
            problem = problem == null ? found : problem;
        }
        String lifted = TicketFields.liftMetadata(ticket);
        return new ImportRecord(row, ticket, problem == null ? lifted : problem);
    }

    private String readField(ObjectNode target, String name, String label) throws XMLStreamException {
        String value = cursor.readText();
        if (value == null) {
            return label + ": expected text, found child elements";
        }
        if (value.isBlank()) {
            return null;
        }
        if (target.has(name)) {
            return label + ": given twice";
        }
        target.put(name, value);
        return null;
    }

    /** {@code <tags><tag>a</tag></tags>}, or (when {@code commas}) {@code <tags>a, b</tags>}. */
    private String readList(ObjectNode target, String name, String item, boolean commas) throws XMLStreamException {
        ArrayNode tags = TicketFields.NODES.arrayNode();
        StringBuilder loose = new StringBuilder();
        String problem = null;
        for (int event = cursor.advance(); event != END_ELEMENT; event = cursor.advance()) {
            if (event == START_ELEMENT && cursor.localName().equals(item)) {
                String tag = cursor.readText();
                if (tag == null) {
                    problem = name + ": <" + item + "> must hold text only";
                } else if (!tag.isBlank()) {
                    tags.add(tag);
                }
            } else if (event == START_ELEMENT) {
                problem = name + ": unexpected element <" + cursor.localName() + ">, expected <" + item + ">";
                cursor.skip();
            } else if (XmlCursor.isText(event)) {
                cursor.appendText(loose);
            }
        }
        if (!loose.toString().isBlank()) {
            if (!tags.isEmpty() || !commas) {
                return name + ": mixes text with <" + item + "> elements";
            }
            tags = TicketFields.splitTags(loose.toString());
        }
        if (target.has(name)) {
            return name + ": given twice";
        }
        if (!tags.isEmpty()) {
            target.set(name, tags);
        }
        return problem;
    }

    /**
     * {@code <metadata>} or {@code <classification>}: fields of their own, as elements; the
     * classification's {@code <keywords_found>} a list of {@code <keyword>}.
     */
    private String readObject(ObjectNode ticket, String name) throws XMLStreamException {
        ObjectNode object = TicketFields.NODES.objectNode();
        String problem = ticket.has(name) ? name + ": given twice" : null;
        for (int event = cursor.advance(); event != END_ELEMENT; event = cursor.advance()) {
            String found = null;
            if (event == START_ELEMENT) {
                String field = cursor.localName();
                found = field.equals("keywords_found")
                        ? readList(object, field, "keyword", false)
                        : readField(object, field, name + "." + field);
            } else if (cursor.isLooseText(event)) {
                found = name + ": text directly inside <" + name + ">, outside any field element";
            }
            problem = problem == null ? found : problem;
        }
        if (!object.isEmpty() && problem == null) {
            ticket.set(name, object);
        }
        return problem;
    }
}
