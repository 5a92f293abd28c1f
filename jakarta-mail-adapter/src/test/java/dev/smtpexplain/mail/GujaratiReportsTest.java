package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.Subetha.accept;
import static dev.smtpexplain.mail.support.Subetha.acceptContent;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.mail.support.NoThreadLeaks;
import dev.smtpexplain.mail.support.Reports;
import dev.smtpexplain.mail.support.Subetha;
import jakarta.mail.Session;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.subethamail.smtp.RejectException;

/**
 * Reports written in Gujarati from a real send; every stage test also checks Gujarati (see {@link Reports}).
 */
@ExtendWith(NoThreadLeaks.class)
@Timeout(20)
class GujaratiReportsTest {

    private static final Pattern GUJARATI = Pattern.compile("[\\u0A80-\\u0AFF]");

    @Test
    void partialDeliveryInGujarati() throws Exception {
        try (Subetha server = Subetha.start(accept(), r -> {
            if (r.startsWith("nouser")) {
                throw new RejectException(550, "5.1.1 <" + r + ">: Recipient address rejected: User unknown");
            }
        }, acceptContent())) {
            Session s = session(server.port());
            ExplainingSender sender = ExplainingSender.builder().session(s).sendPartial(true).locale(Reports.GU).build();
            SendFailureReport r = sender.send(message(s, "hello", "good@example.test", "nouser@example.test", "nouser2@example.test"))
                    .report().orElseThrow();

            assertThat(r.locale().getLanguage()).isEqualTo("gu");
            assertThat(r.headline()).containsPattern(GUJARATI);
            // addresses and the server's reply stay as they are, inside Gujarati text
            assertThat(r.text()).contains("good@example.test", "nouser@example.test", "nouser2@example.test", "550 5.1.1")
                    .containsPattern(GUJARATI);
            assertThat(r.recipientFailures()).allSatisfy(f -> assertThat(f.explanation().title()).containsPattern(GUJARATI));
            assertThat(r.explanation().advice()).isNotEmpty().allSatisfy(a -> assertThat(a).containsPattern(GUJARATI));
        }
    }

    @Test
    void transportFailureInGujarati() {
        SendFailureReport r = MailFailures.explain(new org.eclipse.angus.mail.util.MailConnectException(
                new org.eclipse.angus.mail.util.SocketConnectException("refused", new java.net.ConnectException("Connection refused"),
                        "mx.example.test", 25, 1000)), Reports.GU);
        assertThat(r.transportDetail().orElseThrow()).contains("mx.example.test").containsPattern(GUJARATI);
        assertThat(r.text()).containsPattern(GUJARATI);
    }
}
