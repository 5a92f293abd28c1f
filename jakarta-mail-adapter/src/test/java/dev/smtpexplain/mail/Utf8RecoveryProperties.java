package dev.smtpexplain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.testing.HostileText;
import dev.smtpexplain.mail.internal.Replies;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 6, as properties over seeded random text: whatever UTF-8 a server sends, reading
 * it as ISO-8859-1 (as Angus does) and recovering gives the text back; text that is not valid UTF-8
 * (real ISO-8859-1, binary) is left exactly as read.
 */
class Utf8RecoveryProperties {

    @Test
    void utf8ReadAsLatin1IsRecovered() {
        Random random = new Random(15);
        for (int i = 0; i < 2000; i++) {
            // lone surrogates cannot be encoded: they become '?' in the bytes, as a server would send them
            byte[] sent = HostileText.random(random, 30).getBytes(StandardCharsets.UTF_8);
            String original = new String(sent, StandardCharsets.UTF_8);
            assertThat(Replies.recoverUtf8(new String(sent, StandardCharsets.ISO_8859_1))).isEqualTo(original);
        }
    }

    @Test
    void textThatIsNotUtf8IsLeftAsRead() {
        Random random = new Random(15);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(60)];
            random.nextBytes(bytes);
            bytes[random.nextInt(bytes.length)] = (byte) 0xFF; // never valid in UTF-8
            String read = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(Replies.recoverUtf8(read)).isEqualTo(read);
        }
        assertThat(Replies.recoverUtf8("550 Empfänger unbekannt")).isEqualTo("550 Empfänger unbekannt");
        assertThat(Replies.recoverUtf8("already decoded: 拒绝")).isEqualTo("already decoded: 拒绝");
    }
}
