package dev.smtpexplain.mail.bounce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/** The charset a bounce declares: decoded when Java knows it, and only known names remembered. */
class CharsetsTest {

    private static final byte[] PRIVET_KOI8_R = "Привет".getBytes(Charset.forName("KOI8-R"));

    @Test
    void madeUpNamesAreNotRememberedAndRealOnesOnceWhateverTheirCase() {
        assertThat(Charsets.decode(PRIVET_KOI8_R, "koi8-r")).isEqualTo("Привет");
        int known = Charsets.cachedNames();
        for (int i = 0; i < 2_000; i++) {
            // a stranger's bounce may declare any name: none of these may fill the cache
            assertThat(Charsets.decode("plain".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "x-made-up-" + i)).isEqualTo("plain");
        }
        assertThat(Charsets.cachedNames()).isEqualTo(known);
        assertThat(Charsets.decode(PRIVET_KOI8_R, "KOI8-R")).isEqualTo("Привет");
        assertThat(Charsets.decode(PRIVET_KOI8_R, "Koi8-R")).isEqualTo("Привет");
        assertThat(Charsets.cachedNames()).as("one entry for every spelling of one name").isEqualTo(known);
    }
}
