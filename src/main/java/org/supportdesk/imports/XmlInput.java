package org.supportdesk.imports;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The JDK's own StAX parser, locked down: no DTD support, no external entities, no external DTD or
 * schema access. A DOCTYPE still shows up as an event, which {@link XmlTicketReader} refuses, so no
 * entity is ever declared and none can be expanded (no XXE, no billion laughs).
 */
final class XmlInput {

    private XmlInput() {}

    /** A new factory per file: factories are not documented as thread-safe, and creating one is cheap. */
    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** The parser's message without its "ParseError at [row,col]" prefix (we say where ourselves). */
    static String message(XMLStreamException e) {
        String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + "Message: ".length()).strip() : message.strip();
    }
}
