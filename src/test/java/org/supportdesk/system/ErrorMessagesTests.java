package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * Nasty bodies and files get a 400 whose `detail` says what is wrong in plain words, never in the
 * vocabulary of the parser underneath (its settings, codes, class names, specification URLs).
 */
class ErrorMessagesTests extends ApiTest {

    private static String detailOf(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        String detail = response.json().get("detail").asString();
        assertThat(detail)
                .doesNotContain(
                        "`",
                        "StreamReadConstraints",
                        "JsonReadFeature",
                        "Feature",
                        "[Source",
                        "VALUE_",
                        "START_",
                        "JAXP",
                        "jdk.xml",
                        "SECURE_PROCESSING",
                        "http://",
                        "Exception",
                        "tools.jackson",
                        "com.sun");
        return detail;
    }

    private String ticketBody(String json) {
        return detailOf(api.send("POST", "/tickets", "application/json", json, Map.of()));
    }

    private String jsonImport(String json) {
        return detailOf(
                api.sendBytes("POST", "/import/json", "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    private String xmlImport(String xml) {
        return detailOf(api.sendBytes("POST", "/import/xml", "application/xml", xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jsonNestedTooDeepSaysSoWithTheLimit() {
        String deep = "{\"a\":".repeat(600) + "1" + "}".repeat(600);

        assertThat(ticketBody(deep)).endsWith("JSON nesting too deep (limit 500 levels)");
        assertThat(jsonImport("[" + deep + "]")).endsWith("JSON nesting too deep (limit 32 levels)");
    }

    @Test
    void aHugeNumberSaysSoWithTheLimit() {
        String huge = "{\"subject\": " + "9".repeat(2000) + "}";

        assertThat(ticketBody(huge)).endsWith("number too long (limit 1000 digits)");
        assertThat(jsonImport("[" + huge + "]")).endsWith("number too long (limit 1000 digits)");
    }

    @Test
    void nonStandardJsonIsNamedWithoutTheSettingThatWouldAllowIt() {
        assertThat(ticketBody("{\"subject\": NaN}")).endsWith("Non-standard token 'NaN'");
        assertThat(ticketBody("{\"subject\": +1}")).contains("plus signs");
        assertThat(ticketBody("{\"subject\": 1 /* a comment */}")).contains("comment");
        assertThat(jsonImport("[{\"subject\": Infinity}]")).contains("Non-standard token 'Infinity'");
    }

    @Test
    void jsonCutShortSaysWhatWasOpen() {
        assertThat(ticketBody("["))
                .isEqualTo("Malformed JSON body at line 1, column 2: "
                        + "Unexpected end-of-input: expected close marker for Array");
        assertThat(ticketBody("{\"subject\": \"Print")).endsWith("Unexpected end-of-input in a string");
    }

    @Test
    void xmlOverTheParsersLimitsIsNamedInWords() {
        var attributes = new StringBuilder();
        for (int i = 0; i < 10_001; i++) {
            attributes.append(" a").append(i).append("=\"1\"");
        }
        String longName = "n".repeat(2000);

        assertThat(xmlImport("<tickets><ticket" + attributes + "/></tickets>"))
                .contains("element <ticket> has more than")
                .contains("attributes");
        assertThat(xmlImport("<tickets><ticket><" + longName + ">x</" + longName + "></ticket></tickets>"))
                .contains("an element or attribute name is")
                .contains("characters long");
        assertThat(xmlImport("<tickets><ticket><x:subject>a</x:subject></ticket></tickets>"))
                .endsWith("the namespace prefix \"x\" of element <x:subject> is not declared");
    }

    @Test
    void xmlEntityBombsAreRefusedAsDtds() throws Exception {
        byte[] bomb = Files.readAllBytes(Path.of("src/test/resources/imports/xml-billion-laughs.xml"));

        assertThat(detailOf(api.sendBytes("POST", "/import/xml", "application/xml", bomb)))
                .contains("DTDs are not allowed");
    }
}
