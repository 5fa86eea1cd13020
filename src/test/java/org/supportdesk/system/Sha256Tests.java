package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Tests {

    @Test
    void digestsTheUtf8BytesOfTheText() {
        // FIPS 180-2's example, and a text beyond ASCII, whose UTF-8 bytes are what is hashed.
        assertThat(HexFormat.of().formatHex(Sha256.of("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HexFormat.of().formatHex(Sha256.of("é")))
                .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }
}
