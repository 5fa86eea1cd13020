package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.supportdesk.imports.ImportFixtures.failure;
import static org.supportdesk.imports.ImportFixtures.fileFailure;
import static org.supportdesk.imports.ImportFixtures.read;
import static org.supportdesk.imports.ImportFixtures.readFile;
import static org.supportdesk.imports.ImportFormat.XML;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlTicketReaderTests {

    @Test
    void readsTicketsWithNestedTagsAndMetadata() {
        List<ImportRecord> records = readFile(XML, "xml-nested-tags-and-metadata.xml");

        assertThat(records).extracting(ImportRecord::row).containsExactly(1, 2);
        assertThat(records.get(0).fields().toString())
                .isEqualTo(
                        "{\"customer_id\":\"C-1\",\"customer_email\":\"ann@example.com\","
                                + "\"customer_name\":\"Ann Lee\",\"subject\":\"Charged twice & no refund\","
                                + "\"description\":\"I was charged twice for <March>.\","
                                + "\"category\":\"billing_question\",\"priority\":\"high\","
                                + "\"tags\":[\"billing\",\"refund\"],"
                                + "\"metadata\":{\"source\":\"email\",\"browser\":\"Firefox 128\",\"device_type\":\"desktop\"}}");
        assertThat(records.get(1).fields().has("metadata")).isFalse();
    }

    @Test
    void treatsEmptyElementsAsAbsentAndMovesFlatMetadataIntoMetadata() {
        ImportRecord record =
                readFile(XML, "xml-flat-metadata-and-empty-elements.xml").get(0);

        assertThat(record.fields().propertyNames())
                .containsExactly(
                        "customer_id", "customer_email", "customer_name", "subject", "description", "metadata");
        assertThat(record.fields().get("metadata").toString())
                .isEqualTo("{\"source\":\"chat\",\"device_type\":\"mobile\"}");
        assertThat(record.hasProblem()).isFalse();
    }

    @Test
    void matchesElementsByLocalNameWhateverTheirNamespace() {
        ImportRecord prefixed = readFile(XML, "xml-namespaced.xml").get(0);
        ImportRecord defaulted = readFile(XML, "xml-default-namespace.xml").get(0);

        assertThat(prefixed.fields().get("subject").asString()).isEqualTo("Prefixed");
        assertThat(prefixed.fields().has("id")).isFalse();
        assertThat(defaulted.fields().get("subject").asString()).isEqualTo("Default namespace");
    }

    @Test
    void refusesAnUnboundNamespacePrefix() {
        assertThat(failure(XML, "<tickets><x:ticket/></tickets>")).hasMessageStartingWith("line 1, column ");
    }

    @Test
    void refusesXmlWithDoctype() {
        assertThat(failure(XML, "<!DOCTYPE tickets><tickets/>")).hasMessageContaining("DTDs are not allowed");
    }

    @Test
    void refusesExternalEntitiesWithoutReadingThem() {
        assertThat(fileFailure(XML, "xml-doctype-xxe.xml"))
                .hasMessageStartingWith("line 4, column 4: DTDs are not allowed")
                .hasMessageNotContaining("root:");
    }

    @Test
    void refusesBillionLaughsQuicklyWithoutExpandingEntities() {
        org.assertj.core.api.Assertions.assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                        Duration.ofSeconds(5), () -> fileFailure(XML, "xml-billion-laughs.xml")))
                .hasMessageContaining("DTDs are not allowed");
    }

    @Test
    void refusesUndeclaredEntities() {
        assertThat(failure(XML, "<tickets><ticket><subject>&nbsp;</subject></ticket></tickets>"))
                .hasMessageStartingWith("line 1, column ")
                .hasMessageContaining("nbsp");
    }

    @Test
    void refusesAWrongRootElementNamingIt() {
        assertThat(fileFailure(XML, "xml-wrong-root.xml"))
                .hasMessage("line 2, column 11: the root element is <requests>, expected <tickets>");
    }

    @Test
    void throwsOnAnUnclosedTagInTheLastTicketOnlyWhenIterationReachesIt() {
        try (TicketRecordReader reader =
                TicketFileParsers.open(XML, ImportFixtures.resource("xml-unclosed-tag-in-last-ticket.xml"))) {
            assertThat(reader.next().row()).isEqualTo(1);
            assertThat(reader.next().row()).isEqualTo(2);
            assertThat(catchThrowableOfType(MalformedImportException.class, reader::hasNext))
                    .hasMessageStartingWith("line 4, column ")
                    .hasMessageContaining("(record 3): ")
                    .hasMessageContaining("subject");
        }
    }

    @Test
    void reportsOddTicketsAsProblemsOrUnknownFieldsOfTheirRows() {
        List<ImportRecord> records = readFile(XML, "xml-odd-records.xml");

        assertThat(records).extracting(ImportRecord::row).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(records.get(0).fields().get("priorty").asString()).isEqualTo("high");
        assertThat(records)
                .extracting(ImportRecord::problem)
                .containsExactly(
                        null,
                        "element <tiket> is not a <ticket>",
                        "subject: expected text, found child elements",
                        "customer_id: given twice",
                        null,
                        "source: given both directly and inside metadata, with different values");
        assertThat(records.get(4).fields().get("tags").toString()).isEqualTo("[\"login\",\"password\"]");
    }

    @Test
    void refusesAbsurdlyDeepNesting() {
        String deep =
                "<tickets><ticket><subject>" + "<a>".repeat(100) + "</a>".repeat(100) + "</subject></ticket></tickets>";

        assertThat(failure(XML, deep)).hasMessageContaining("nested deeper than 32 levels");
    }

    @Test
    void refusesTextOutsideTickets() {
        assertThat(failure(XML, "<tickets>stray<ticket/></tickets>"))
                .hasMessageContaining("text directly inside <tickets>");
    }

    @Test
    void refusesContentAfterTheRootElement() {
        assertThat(failure(XML, "<tickets></tickets><tickets></tickets>")).hasMessageStartingWith("line 1, column ");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(failure(XML, "")).hasMessage("line 1: file is empty");
        assertThat(failure(XML, "\n  \n")).hasMessage("line 1: file is empty");
    }

    @Test
    void readsAnEmptyTicketsElementAsZeroRecords() {
        assertThat(read(XML, "<?xml version=\"1.0\"?>\n<tickets/>\n<!-- done -->\n"))
                .isEmpty();
    }

    @Test
    void refusesATicketLargerThanTheCapBeforeItFillsMemory() {
        String huge = "<tickets><ticket><description>" + "x".repeat(XmlCursor.MAX_RECORD_CHARS + 10)
                + "</description></ticket></tickets>";

        assertThat(failure(XML, huge)).hasMessageContaining("the ticket is longer than 1000000 characters");
    }

    @Test
    void readsManyTicketsThatCrossTheReadBuffer() {
        StringBuilder xml = new StringBuilder("<tickets>\n");
        for (int i = 0; i < 5000; i++) {
            xml.append("<ticket><customer_id>C-")
                    .append(i)
                    .append("</customer_id><description>")
                    .append("d".repeat(i % 50))
                    .append(" &amp; more</description></ticket>\n");
        }
        List<ImportRecord> records = read(XML, xml.append("</tickets>").toString());

        assertThat(records).hasSize(5000);
        assertThat(records.get(4999).fields().get("customer_id").asString()).isEqualTo("C-4999");
        assertThat(records.get(49).fields().get("description").asString()).isEqualTo("d".repeat(49) + " & more");
    }

    @Test
    void readsUtf8WhateverEncodingTheDeclarationNames() {
        ImportRecord record = read(
                        XML,
                        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                                + "<tickets><ticket><customer_name>Zoë</customer_name></ticket></tickets>")
                .get(0);

        assertThat(record.fields().get("customer_name").asString()).isEqualTo("Zoë");
    }

    @Test
    void ignoresAttributesCommentsAndProcessingInstructions() {
        ImportRecord record = read(
                        XML,
                        "<tickets version=\"2\"><?pi data?><ticket id=\"7\"><!-- note -->"
                                + "<subject lang=\"en\">Hello</subject></ticket></tickets>")
                .get(0);

        assertThat(record.fields().toString()).isEqualTo("{\"subject\":\"Hello\"}");
    }

    @Test
    void reportsTextDirectlyInsideATicketAsThatRecordsProblem() {
        ImportRecord record = read(XML, "<tickets><ticket>stray<subject>S</subject></ticket></tickets>")
                .get(0);

        assertThat(record.problem()).isEqualTo("text directly inside <ticket>, outside any field element");
    }
}
