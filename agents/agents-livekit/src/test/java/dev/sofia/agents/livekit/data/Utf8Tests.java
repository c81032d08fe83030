package dev.sofia.agents.livekit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Tests {

    private static final String[] ALPHABET = {
        "a", "Z", " ", "ß", "é", "Ж", "я", "€", "中", "文", "😀", "🇩🇪", "👩‍⚕️", "\u0301"
    };

    @Test
    void splitNeverCutsACharacterAndLosesNothing() throws Exception {
        var random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            String text = randomText(random, random.nextInt(200));
            int max = 4 + random.nextInt(30);
            List<byte[]> pieces = Utf8.split(text, max);

            var joined = new StringBuilder();
            for (int i = 0; i < pieces.size(); i++) {
                byte[] piece = pieces.get(i);
                assertThat(piece.length).isBetween(1, max);
                String decoded = strictDecode(piece); // throws if a character was cut
                joined.append(decoded);
                if (i < pieces.size() - 1) {
                    // Maximal: the next piece's first character would not have fitted.
                    int next = pieces.get(i + 1)[0] & 0xFF;
                    assertThat(piece.length + utf8Length(next)).isGreaterThan(max);
                }
            }
            assertThat(joined.toString()).isEqualTo(text);
        }
    }

    @Test
    void splitsAtTheChunkSizeOfDataStreams() throws Exception {
        String text = "Привет, мир! 😀 ".repeat(3_000);
        List<byte[]> pieces = Utf8.split(text, PacketSender.MAX_PACKET_BYTES);

        assertThat(pieces).hasSizeGreaterThan(2);
        assertThat(pieces).allSatisfy(piece -> assertThat(piece.length).isLessThanOrEqualTo(15_000));
        var joined = new StringBuilder();
        for (byte[] piece : pieces) {
            joined.append(strictDecode(piece));
        }
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void emptyTextHasNoPieces() {
        assertThat(Utf8.split("", 100)).isEmpty();
    }

    @Test
    void refusesPiecesTooSmallForAFourByteCharacter() {
        assertThatThrownBy(() -> Utf8.split("😀", 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncateKeepsWholeCharacters() {
        assertThat(Utf8.truncate("Жж😀", 3)).isEqualTo("Ж");
        assertThat(Utf8.truncate("Жж😀", 4)).isEqualTo("Жж");
        assertThat(Utf8.truncate("Жж😀", 7)).isEqualTo("Жж");
        assertThat(Utf8.truncate("Жж😀", 8)).isEqualTo("Жж😀");
        var random = new Random(3);
        for (int round = 0; round < 1_000; round++) {
            String text = randomText(random, random.nextInt(50));
            int max = random.nextInt(60);
            String cut = Utf8.truncate(text, max);
            assertThat(text).startsWith(cut);
            assertThat(Utf8.length(cut)).isLessThanOrEqualTo(max);
        }
    }

    private static String randomText(Random random, int characters) {
        var text = new StringBuilder();
        for (int i = 0; i < characters; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    private static int utf8Length(int leadByte) {
        if (leadByte < 0x80) return 1;
        if (leadByte >= 0xF0) return 4;
        if (leadByte >= 0xE0) return 3;
        return 2;
    }

    private static String strictDecode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
