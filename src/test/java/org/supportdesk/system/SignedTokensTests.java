package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignedTokensTests {

    private final SignedTokens tokens = new SignedTokens(() -> "a key for tests".getBytes(StandardCharsets.UTF_8));

    @Test
    void aTokenSignedHereGivesBackItsText() {
        assertThat(tokens.verify(tokens.sign("changes|12|34"))).isEqualTo("changes|12|34");
    }

    @Test
    void everyEditOfTheLastDigitIsRefusedEvenWhereBase64IgnoresItsBits() {
        String token = tokens.sign("changes|12|34");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        for (char c : alphabet.toCharArray()) {
            if (c != last) {
                assertThat(tokens.verify(token.substring(0, token.length() - 1) + c))
                        .as("last digit %s", c)
                        .isNull();
            }
        }
    }

    @Test
    void anotherKeyOrAnEditedTextOrGarbageIsRefused() {
        String token = tokens.sign("changes|12|34");
        var other = new SignedTokens(() -> "another key".getBytes(StandardCharsets.UTF_8));
        assertThat(other.verify(token)).isNull();
        String forged = new SignedTokens(() -> "x".getBytes(StandardCharsets.UTF_8))
                .sign("changes|99|34")
                .split("\\.")[0];
        assertThat(tokens.verify(forged + token.substring(token.indexOf('.')))).isNull();
        assertThat(tokens.verify("no-dot")).isNull();
        assertThat(tokens.verify("%%%.***")).isNull();
        assertThat(tokens.verify("")).isNull();
    }
}
