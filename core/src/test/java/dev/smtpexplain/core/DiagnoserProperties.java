package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class DiagnoserProperties {

    @Property(tries = 2000)
    void lenientParsingAndDiagnosisNeverThrow(@ForAll @StringLength(max = 300) String text) {
        SmtpReply r = SmtpReply.parseLenient(text);
        Diagnosis d = Diagnoser.standard().diagnose(r);
        assertThat(d.category()).isNotNull();
        assertThat(d.confidence()).isBetween(0.0, 1.0);
    }

    @Property(tries = 1000)
    void anyThreeDigitCodeGetsAClassMeaning(@ForAll @IntRange(min = 100, max = 599) int code, @ForAll @StringLength(max = 40) String text) {
        Diagnosis d = Diagnoser.standard().diagnose(SmtpReply.of(code, null, text));
        assertThat(d.codeMeaning()).isPresent();
        assertThat(d.codeMeaning().get().classKey()).isEqualTo("code.class." + code / 100);
    }

    @Property(tries = 500)
    void replyFormattedByAServerRoundTrips(@ForAll @IntRange(min = 400, max = 599) int code,
            @ForAll @IntRange(min = 0, max = 7) int subject, @ForAll @IntRange(min = 0, max = 999) int detail) {
        int cls = code / 100;
        String reply = code + "-" + cls + "." + subject + "." + detail + " first line\r\n" + code + " " + cls + "." + subject + "." + detail + " last line";
        SmtpReply r = SmtpReply.parse(reply);
        assertThat(r.code()).contains(ReplyCode.of(code));
        assertThat(r.status()).contains(new EnhancedStatus(cls, subject, detail));
        assertThat(r.lines()).containsExactly("first line", "last line");
    }
}
