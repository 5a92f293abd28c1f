package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.testing.HostileText;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the diagnoser over seeded random inputs (hostile text is {@link DiagnoserFuzzTest}'s). */
class DiagnoserProperties {

    @Test
    void anyThreeDigitCodeGetsAClassMeaning() {
        Random random = new Random(15);
        for (int i = 0; i < 1000; i++) {
            int code = 100 + random.nextInt(500);
            String text = HostileText.random(random, 8);
            text = text.substring(0, Math.min(40, text.length()));
            Diagnosis d = Diagnoser.standard().diagnose(SmtpReply.of(code, null, text));
            assertThat(d.codeMeaning()).as("%d %s", code, text).isPresent();
            assertThat(d.codeMeaning().get().classKey()).isEqualTo("code.class." + code / 100);
        }
    }

    @Test
    void replyFormattedByAServerRoundTrips() {
        Random random = new Random(15);
        for (int i = 0; i < 500; i++) {
            int code = 400 + random.nextInt(200);
            int subject = random.nextInt(8);
            int detail = random.nextInt(1000);
            int cls = code / 100;
            String reply = code + "-" + cls + "." + subject + "." + detail + " first line\r\n" + code + " " + cls + "." + subject + "." + detail + " last line";
            SmtpReply r = SmtpReply.parse(reply);
            assertThat(r.code()).contains(ReplyCode.of(code));
            assertThat(r.status()).contains(new EnhancedStatus(cls, subject, detail));
            assertThat(r.lines()).containsExactly("first line", "last line");
        }
    }
}
