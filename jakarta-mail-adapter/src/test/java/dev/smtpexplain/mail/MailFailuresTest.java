package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.Subetha.accept;
import static dev.smtpexplain.mail.support.Subetha.acceptContent;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.support.NoThreadLeaks;
import dev.smtpexplain.mail.support.Reports;
import dev.smtpexplain.mail.support.Subetha;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.subethamail.smtp.RejectException;

/** The plain {@code explain(MessagingException, Locale)} hook: real exceptions, odd ones, never a throw. */
@ExtendWith(NoThreadLeaks.class)
@Timeout(20)
class MailFailuresTest {

    private static MessagingException realRcptFailure() throws Exception {
        try (Subetha server = Subetha.start(accept(), r -> {
            throw new RejectException(550, "5.1.1 <" + r + ">: Recipient address rejected: User unknown in local recipient table");
        }, acceptContent())) {
            Session s = session(server.port());
            // the app's usual code: static Transport.send, its own catch
            return catchThrowableOfType(MessagingException.class, () -> Transport.send(message(s, "hello", "nouser@example.test")));
        }
    }

    @Test
    void explainsWhatTheAppCaught() throws Exception {
        MessagingException e = realRcptFailure();
        SendFailureReport r = MailFailures.explain(e, Locale.ENGLISH);
        assertThat(r.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
        assertThat(r.rejectedRecipients()).containsExactly("nouser@example.test");
        assertThat(r.exception()).containsSame(e);
        Reports.assertExplained(r, l -> MailFailures.explain(e, l));
    }

    /**
     * What libraries that wrap Jakarta Mail throw (outside tester 71: Commons Email's EmailException, Simple Java Mail's
     * MailerException, a CompletionException around it): the real send's exception is found in the causes.
     */
    @Test
    void theSendsExceptionIsFoundInsideALibrarysOwn() throws Exception {
        MessagingException e = realRcptFailure();
        Exception wrapped = new java.util.concurrent.CompletionException(new IllegalStateException("Failed to send email", e));
        assertThat(MailFailures.messagingExceptionIn(wrapped)).containsSame(e);
        assertThat(MailFailures.messagingExceptionIn(e)).containsSame(e);
        assertThat(MailFailures.messagingExceptionIn(wrapped).map(m -> MailFailures.explain(m, Locale.ENGLISH)).orElseThrow().category())
                .isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(MailFailures.messagingExceptionIn(new IllegalArgumentException("no from address"))).isEmpty();
        // a cycle in the causes ends the search
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertThat(MailFailures.messagingExceptionIn(a)).isEmpty();
        // hostile causes (outside tester 73): a getCause() that throws, calls itself, or makes a new cause each time
        assertThat(MailFailures.messagingExceptionIn(new RuntimeException("x") {
            @Override
            public synchronized Throwable getCause() {
                throw new IllegalStateException("boom");
            }
        })).isEmpty();
        assertThat(MailFailures.messagingExceptionIn(new RuntimeException("x") {
            @Override
            public synchronized Throwable getCause() {
                return getCause();
            }
        })).isEmpty();
        assertThat(MailFailures.messagingExceptionIn(new Endless())).isEmpty();
    }

    /** An exception whose every cause is a new one. */
    private static final class Endless extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Throwable getCause() {
            return new Endless();
        }
    }

    /**
     * A server that wants a client certificate ends a TLS 1.3 handshake with its own alert (RFC 8446 6.2); the report says
     * so, not that the two sides could not agree on the encryption (outside tester 64). The chain as Angus and the JDK
     * make it after STARTTLS.
     */
    @Test
    void aServerAskingForAClientCertificateIsNamed() {
        MessagingException e = new MessagingException("Could not convert socket to TLS",
                new javax.net.ssl.SSLHandshakeException("Received fatal alert: certificate_required"));
        SendFailureReport r = MailFailures.explain(e, Locale.ENGLISH);
        assertThat(r.category()).isEqualTo(Category.TLS_HANDSHAKE_FAILED);
        assertThat(r.transportDetail()).hasValue("A secure (TLS) connection to the mail server could not be set up: the server asks for a "
                + "client certificate, and your mail program gave none.");
    }

    @Test
    void findsTheFailureInsideAnApplicationWrapper() throws Exception {
        MessagingException wrapped = new MessagingException("could not send the invoice", realRcptFailure());
        SendFailureReport r = MailFailures.explain(wrapped, Locale.ENGLISH);
        assertThat(r.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(r.technicalDetails()).startsWith("MessagingException: could not send the invoice");
    }

    @Test
    void anUnrecognizedExceptionIsAnUnknownReportThatKeepsIt() {
        MessagingException odd = new MessagingException("something nobody expected");
        SendFailureReport r = MailFailures.explain(odd, Locale.ENGLISH);
        assertThat(r.category()).isEqualTo(Category.UNKNOWN);
        assertThat(r.stage()).isEqualTo(SmtpStage.UNKNOWN);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.exception()).containsSame(odd);
        assertThat(r.explanation().title()).isNotBlank();
        assertThat(r.text()).startsWith("The message was not sent");
        assertThat(r.technicalDetails()).contains("something nobody expected");
    }

    @Test
    void neverThrows() {
        assertThat(MailFailures.explain(null, Locale.ENGLISH).category()).isEqualTo(Category.UNKNOWN);
        assertThat(MailFailures.explain(new MessagingException(), null).locale()).isNotNull();
        assertThat(MailFailures.explain(new SendFailedException(null, null, null, null, null)).category()).isEqualTo(Category.UNKNOWN);

        // a cycle of causes must not hang the walk
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(MailFailures.explain(new MessagingException("loop", a), Locale.ENGLISH).category()).isEqualTo(Category.UNKNOWN);

        // a chain of 10 000 links is cut, not followed to the end
        MessagingException top = new MessagingException("top");
        Exception cur = new java.io.IOException("deep");
        for (int i = 0; i < 10_000; i++) {
            cur = new java.io.IOException("level " + i, cur);
        }
        top.setNextException(cur);
        assertThat(MailFailures.explain(top, Locale.ENGLISH)).isNotNull();

        // a reply with control characters and escape sequences is shown sanitized
        SendFailureReport r = MailFailures.explain(new MessagingException("550 5.1.1 evil\u001b[2J\u202e text"), Locale.ENGLISH);
        assertThat(r.explanation().serverText().orElseThrow()).doesNotContain("\u001b").doesNotContain("\u202e");
    }

    /** An application's exception whose every overridable method fails: with a runtime exception, sneakily with a checked one, by recursing. */
    private static MessagingException everyMethodThrows(Runnable failure) {
        return new SendFailedException("never read") {
            @Override
            public Address[] getValidSentAddresses() {
                failure.run();
                return null;
            }

            @Override
            public Address[] getValidUnsentAddresses() {
                failure.run();
                return null;
            }

            @Override
            public Address[] getInvalidAddresses() {
                failure.run();
                return null;
            }

            @Override
            public String getMessage() {
                failure.run();
                return "unreachable";
            }

            @Override
            public String getLocalizedMessage() {
                failure.run();
                return "unreachable";
            }

            @Override
            public synchronized Exception getNextException() {
                failure.run();
                return null;
            }

            @Override
            public synchronized Throwable getCause() {
                failure.run();
                return null;
            }

            @Override
            public String toString() {
                failure.run();
                return "unreachable";
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    /** Outside tester, F4: the fallback for what the analysis did not foresee called getMessage() itself, and threw. */
    @Test
    void anExceptionWhoseMethodsThrowIsStillReported() {
        List<Runnable> failures = List.of(
                () -> {
                    throw new IllegalStateException("getMessage failed");
                },
                () -> sneakyThrow(new java.io.IOException("checked, undeclared")),
                () -> recurse(0));
        for (Runnable failure : failures) {
            MessagingException odd = everyMethodThrows(failure);
            SendFailureReport r = MailFailures.explain(odd, Locale.ENGLISH);
            assertThat(r.category()).isEqualTo(Category.UNKNOWN);
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.exception()).containsSame(odd);
            assertThat(r.text()).startsWith("The message was not sent");
            assertThat(r.technicalDetails()).contains("MailFailuresTest$").doesNotContain("unreachable");
            assertThat(SendFailureAnalyzer.standard().analyze(odd, Reports.GU).locale().getLanguage()).isEqualTo("gu");
        }
    }

    /** A wrapper whose getMessage() throws does not hide the refusal it wraps. */
    @Test
    void aWrapperWhoseMessageThrowsDoesNotHideTheRefusal() throws Exception {
        MessagingException wrapper = new MessagingException("could not send", realRcptFailure()) {
            @Override
            public String getMessage() {
                throw new IllegalStateException("getMessage failed");
            }
        };
        SendFailureReport r = MailFailures.explain(wrapper, Locale.ENGLISH);
        assertThat(r.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(r.rejectedRecipients()).containsExactly("nouser@example.test");
        assertThat(r.technicalDetails()).contains("550 5.1.1");
    }

    @Test
    void anExplainedSendFailedExceptionIsExplainedAgainFromItsOriginal() throws Exception {
        try (Subetha server = Subetha.start(accept(), r -> {
            throw new RejectException(550, "5.1.1 <" + r + ">: Recipient address rejected: User unknown");
        }, acceptContent())) {
            Session s = session(server.port());
            ExplainedSendFailedException e = dev.smtpexplain.mail.support.TestMail.failing(
                    dev.smtpexplain.mail.support.TestMail.sender(s).build(), message(s, "hello", "nouser@example.test"));
            SendFailureReport fr = MailFailures.explain(e, Locale.FRENCH);
            assertThat(fr.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            assertThat(fr.locale().getLanguage()).isEqualTo("fr");
            assertThat(fr.exception()).containsSame((MessagingException) e.getNextException());
        }
    }
}
