package org.supportdesk.imports;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads XML {@code <tickets><ticket>…</ticket></tickets>} with StAX, one ticket at a time. Elements
 * are matched by local name (namespaces are ignored); an empty or whitespace-only element is absent;
 * unknown children of {@code <ticket>} become string fields for the validator to report. DTDs are
 * refused before anything in them is used (see {@link XmlInput}).
 */
final class XmlTicketReader extends LookaheadReader {

    static final int MAX_DEPTH = 32;
    static final int MAX_RECORD_CHARS = 1_000_000;

    private final Utf8Text text;
    private final StringBuilder buffer = new StringBuilder(256);
    private XMLStreamReader xml;
    private int depth;
    private int row;
    private int current;
    private int recordChars;

    XmlTicketReader(Utf8Text text) {
        super(text);
        this.text = text;
    }

    @Override
    ImportRecord readNext() {
        current = row + 1;
        try {
            if (xml == null) {
                openRoot();
            }
            while (true) {
                int event = advance();
                if (event == START_ELEMENT) {
                    row++;
                    recordChars = 0;
                    String name = xml.getLocalName();
                    if (!name.equals("ticket")) {
                        skip();
                        return ImportRecord.problem(row, "element <" + name + "> is not a <ticket>");
                    }
                    return readTicket();
                } else if (event == END_ELEMENT) {
                    while (xml.hasNext()) {
                        advance();
                    }
                    return null;
                } else if (isText(event) && !xml.isWhiteSpace()) {
                    throw malformed("text directly inside <tickets>, outside any <ticket>");
                }
            }
        } catch (XMLStreamException e) {
            MalformedImportException cause = Causes.find(e);
            if (cause != null) {
                throw cause;
            }
            if (xml == null || depth == 0 && !text.sawContent()) {
                throw new MalformedImportException("line 1: file is empty");
            }
            throw new MalformedImportException(where(e.getLocation()) + XmlInput.message(e), e);
        }
    }

    private void openRoot() throws XMLStreamException {
        xml = XmlInput.factory().createXMLStreamReader(text);
        int event = xml.getEventType();
        while (event != START_ELEMENT) {
            if (event == END_DOCUMENT) {
                throw new MalformedImportException("line 1: file is empty");
            }
            event = advance();
        }
        if (!xml.getLocalName().equals("tickets")) {
            throw malformed("the root element is <" + qualifiedName() + ">, expected <tickets>");
        }
    }

    private String qualifiedName() {
        String prefix = xml.getPrefix();
        return prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
    }

    private ImportRecord readTicket() throws XMLStreamException {
        ObjectNode ticket = TicketFields.NODES.objectNode();
        String problem = null;
        for (int event = advance(); event != END_ELEMENT; event = advance()) {
            String found = null;
            if (event == START_ELEMENT) {
                String name = xml.getLocalName();
                found = switch (name) {
                    case TicketFields.TAGS -> readList(ticket, TicketFields.TAGS, "tag", true);
                    case TicketFields.METADATA, "classification" -> readObject(ticket, name);
                    default -> readField(ticket, name, name);
                };
            } else if (isText(event) && !xml.isWhiteSpace()) {
                found = "text directly inside <ticket>, outside any field element";
            }
            problem = problem == null ? found : problem;
        }
        String lifted = TicketFields.liftMetadata(ticket);
        return new ImportRecord(row, ticket, problem == null ? lifted : problem);
    }

    private String readField(ObjectNode target, String name, String label) throws XMLStreamException {
        String value = readText();
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
        for (int event = advance(); event != END_ELEMENT; event = advance()) {
            if (event == START_ELEMENT && xml.getLocalName().equals(item)) {
                String tag = readText();
                if (tag == null) {
                    problem = name + ": <" + item + "> must hold text only";
                } else if (!tag.isBlank()) {
                    tags.add(tag);
                }
            } else if (event == START_ELEMENT) {
                problem = name + ": unexpected element <" + xml.getLocalName() + ">, expected <" + item + ">";
                skip();
            } else if (isText(event)) {
                loose.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                count(xml.getTextLength());
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
        for (int event = advance(); event != END_ELEMENT; event = advance()) {
            String found = null;
            if (event == START_ELEMENT) {
                String field = xml.getLocalName();
                found = field.equals("keywords_found")
                        ? readList(object, field, "keyword", false)
                        : readField(object, field, name + "." + field);
            } else if (isText(event) && !xml.isWhiteSpace()) {
                found = name + ": text directly inside <" + name + ">, outside any field element";
            }
            problem = problem == null ? found : problem;
        }
        if (!object.isEmpty() && problem == null) {
            ticket.set(name, object);
        }
        return problem;
    }

    /** The text of the current element up to its end tag, or null (after skipping) if it has children. */
    private String readText() throws XMLStreamException {
        buffer.setLength(0);
        boolean children = false;
        for (int event = advance(); event != END_ELEMENT; event = advance()) {
            if (event == START_ELEMENT) {
                children = true;
                skip();
            } else if (isText(event)) {
                buffer.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                count(xml.getTextLength());
            }
        }
        return children ? null : buffer.toString();
    }

    /** Skips the rest of the current element, children included. */
    private void skip() throws XMLStreamException {
        for (int open = 1; open > 0; ) {
            int event = advance();
            if (event == START_ELEMENT) {
                open++;
            } else if (event == END_ELEMENT) {
                open--;
            }
        }
    }

    private int advance() throws XMLStreamException {
        int event = xml.next();
        if (event == START_ELEMENT) {
            if (++depth > MAX_DEPTH) {
                throw malformed("elements are nested deeper than " + MAX_DEPTH + " levels");
            }
        } else if (event == END_ELEMENT) {
            depth--;
        } else if (event == DTD) {
            throw malformed("DTDs are not allowed (<!DOCTYPE ...>); remove the DOCTYPE declaration");
        }
        return event;
    }

    private void count(int chars) {
        recordChars += chars;
        if (recordChars > MAX_RECORD_CHARS) {
            throw malformed("the ticket is longer than " + MAX_RECORD_CHARS + " characters");
        }
    }

    private static boolean isText(int event) {
        return event == CHARACTERS || event == CDATA || event == SPACE;
    }

    private MalformedImportException malformed(String message) {
        return new MalformedImportException(where(xml.getLocation()) + message);
    }

    private String where(Location at) {
        String record = depth >= 2 || row > 0 ? " (record " + current + ")" : "";
        if (at == null || at.getLineNumber() < 0) {
            return "record " + current + ": ";
        }
        return "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + record + ": ";
    }
}
