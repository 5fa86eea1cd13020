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

/**
 * {@link XmlTicketReader}'s walk through the StAX events, within the importer's limits: elements
 * nested at most {@link #MAX_DEPTH} deep, a record's text at most {@link #MAX_RECORD_CHARS}
 * characters, and no DTD (see {@link XmlInput}). It numbers the records, so that its errors say
 * where they were found: line, column and record.
 */
final class XmlCursor {

    static final int MAX_DEPTH = 32;
    static final int MAX_RECORD_CHARS = 1_000_000;

    private final XMLStreamReader xml;
    private final StringBuilder buffer = new StringBuilder(256);
    private int depth;
    /** Records begun so far. */
    private int begun;
    /** The record that errors name. */
    private int current = 1;

    private int recordChars;

    XmlCursor(Utf8Text text) throws XMLStreamException {
        this.xml = XmlInput.factory().createXMLStreamReader(text);
    }

    /** Moves to the root element; false when the document has none. */
    boolean toRoot() throws XMLStreamException {
        for (int event = xml.getEventType(); event != START_ELEMENT; event = advance()) {
            if (event == END_DOCUMENT) {
                return false;
            }
        }
        return true;
    }

    /** Reads past the root's end tag to the end of the document, so that what follows it is checked too. */
    void toEnd() throws XMLStreamException {
        while (xml.hasNext()) {
            advance();
        }
    }

    /** From here on, errors name the record after the last one begun. */
    void seekRecord() {
        current = begun + 1;
    }

    /** A record's element has opened: errors name it, and its text counts from zero. Its number. */
    int beginRecord() {
        begun++;
        current = begun;
        recordChars = 0;
        return begun;
    }

    int depth() {
        return depth;
    }

    String localName() {
        return xml.getLocalName();
    }

    String qualifiedName() {
        String prefix = xml.getPrefix();
        return prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
    }

    int advance() throws XMLStreamException {
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

    /** Skips the rest of the current element, children included. */
    void skip() throws XMLStreamException {
        for (int open = 1; open > 0; ) {
            int event = advance();
            if (event == START_ELEMENT) {
                open++;
            } else if (event == END_ELEMENT) {
                open--;
            }
        }
    }

    /** The text of the current element up to its end tag, or null (after skipping) if it has children. */
    String readText() throws XMLStreamException {
        buffer.setLength(0);
        boolean children = false;
        for (int event = advance(); event != END_ELEMENT; event = advance()) {
            if (event == START_ELEMENT) {
                children = true;
                skip();
            } else if (isText(event)) {
                appendText(buffer);
            }
        }
        return children ? null : buffer.toString();
    }

    /** Appends the text event at hand, counted against the record's limit. */
    void appendText(StringBuilder to) {
        to.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
        recordChars += xml.getTextLength();
        if (recordChars > MAX_RECORD_CHARS) {
            throw malformed("the ticket is longer than " + MAX_RECORD_CHARS + " characters");
        }
    }

    static boolean isText(int event) {
        return event == CHARACTERS || event == CDATA || event == SPACE;
    }

    /** Text that is not only whitespace, where only elements belong. */
    boolean isLooseText(int event) {
        return isText(event) && !xml.isWhiteSpace();
    }

    MalformedImportException malformed(String message) {
        return new MalformedImportException(where(xml.getLocation()) + message);
    }

    /** The parser's own error, in plain words (see {@link XmlInput#message}). */
    MalformedImportException malformed(XMLStreamException e) {
        return new MalformedImportException(where(e.getLocation()) + XmlInput.message(e), e);
    }

    private String where(Location at) {
        String record = depth >= 2 || begun > 0 ? " (record " + current + ")" : "";
        if (at == null || at.getLineNumber() < 0) {
            return "record " + current + ": ";
        }
        return "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + record + ": ";
    }
}
