package dev.smtpexplain.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.mail.SmtpStage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptTest {

    private static Attempt at(int port) {
        return new Attempt(Attempt.Phase.SEND, "mail.example.test", port, List.of(), Redactor.patternsOnly(), false, null);
    }

    @Test
    void theSendersOwnServerIsTheOneThatTookTheLoginOrListensOnASubmissionPort() {
        // no one logs in to a recipient's server
        assertThat(at(25).sendersOwnServer(SmtpStage.AUTH)).isTrue();
        // RFC 6409's submission port and RFC 8314's submission over TLS, at any stage
        for (int port : new int[] {587, 465}) {
            for (SmtpStage stage : SmtpStage.values()) {
                assertThat(at(port).sendersOwnServer(stage)).as("%s at %s", port, stage).isTrue();
            }
        }
        // port 25 (or one not known): a relay of the sender's or a recipient's own server, so not known
        for (int port : new int[] {25, 2525, -1}) {
            for (SmtpStage stage : List.of(SmtpStage.CONNECT, SmtpStage.GREETING, SmtpStage.MAIL_FROM, SmtpStage.RCPT_TO, SmtpStage.END_OF_DATA)) {
                assertThat(at(port).sendersOwnServer(stage)).as("%s at %s", port, stage).isFalse();
            }
        }
    }
}
