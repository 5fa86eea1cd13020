package org.supportdesk.imports;

import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The JDK's own StAX parser, locked down: no DTD support, no external entities, no external DTD or
 * schema access. A DOCTYPE still shows up as an event, which {@link XmlCursor} refuses, so no
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

    /**
     * The parser's message in plain words, without its "ParseError at [row,col]" prefix (we say
     * where ourselves). The JDK's own limits (JAXP000100xx) and namespace errors come with codes,
     * setting names and specification URLs that mean nothing to whoever sent the file.
     */
    static String message(XMLStreamException e) {
        String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        message = at >= 0 ? message.substring(at + "Message: ".length()).strip() : message.strip();
        if (message.startsWith("JAXP")) {
            return limit(message);
        }
        int key = message.indexOf('#');
        if (message.startsWith("http://www.w3.org/") && key > 0) {
            return namespace(message.substring(key + 1));
        }
        return message;
    }

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private static String limit(String message) {
        List<String> values =
                QUOTED.matcher(message).results().map(m -> m.group(1)).toList();
        String code = message.substring(0, Math.min(message.length(), "JAXP00010000".length()));
        return switch (code) {
            case "JAXP00010001", "JAXP00010007" -> "XML entity expansion is not allowed";
            case "JAXP00010003", "JAXP00010004" -> "XML entities are larger than the parser allows";
            case "JAXP00010002" ->
                values.size() >= 2
                        ? "element <" + values.get(0) + "> has more than " + values.get(1) + " attributes"
                        : "an element has too many attributes";
            case "JAXP00010005" ->
                values.size() >= 3
                        ? "an element or attribute name is " + values.get(1) + " characters long (limit "
                                + values.get(2) + ")"
                        : "an element or attribute name is too long";
            case "JAXP00010006" -> "elements are nested too deep";
            default -> "the XML is larger than the parser allows";
        };
    }

    /** "ElementPrefixUnbound?x&x:y": the message key of the namespaces specification, and its values. */
    private static String namespace(String keyAndValues) {
        int q = keyAndValues.indexOf('?');
        String key = q < 0 ? keyAndValues : keyAndValues.substring(0, q);
        List<String> values =
                q < 0 ? List.of() : List.of(keyAndValues.substring(q + 1).split("&"));
        return switch (key) {
            case "ElementPrefixUnbound" ->
                values.size() >= 2
                        ? "the namespace prefix \"" + values.get(0) + "\" of element <" + values.get(1)
                                + "> is not declared"
                        : "an element's namespace prefix is not declared";
            case "AttributePrefixUnbound" ->
                values.size() >= 3
                        ? "the namespace prefix \"" + values.get(2) + "\" of attribute " + values.get(1)
                                + " is not declared"
                        : "an attribute's namespace prefix is not declared";
            default -> "XML namespaces are used wrongly";
        };
    }
}
