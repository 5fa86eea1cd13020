package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Tests {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void readsUtf8AsItIs() {
        assertThat(StrictUtf8.decodeOrNull("caf\u00e9 \ud83d\ude00".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("caf\u00e9 \ud83d\ude00");
        assertThat(StrictUtf8.decodeOrNull(new byte[0])).isEmpty();
    }

    @Test
    void refusesWhatIsNotUtf8InsteadOfReplacingIt() {
        assertThat(StrictUtf8.decodeOrNull("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)))
                .isNull();
        assertThat(StrictUtf8.decodeOrNull(bytes(0xc3))).as("cut short").isNull();
        assertThat(StrictUtf8.decodeOrNull(bytes(0xed, 0xa0, 0x80)))
                .as("an encoded surrogate")
                .isNull();
        assertThat(StrictUtf8.decodeOrNull(bytes(0xc0, 0xaf))).as("overlong").isNull();
    }
}
