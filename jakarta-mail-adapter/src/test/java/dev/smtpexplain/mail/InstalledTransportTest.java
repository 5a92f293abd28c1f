package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.Subetha.accept;
import static dev.smtpexplain.mail.support.Subetha.acceptContent;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.RetryAdvice;
import dev.smtpexplain.mail.internal.DataReplyTransport;
import dev.smtpexplain.mail.support.FakeSmtpServer;
import dev.smtpexplain.mail.support.FakeSmtpServer.Conversation;
import dev.smtpexplain.mail.support.Reports;
import dev.smtpexplain.mail.support.Subetha;
import dev.smtpexplain.mail.support.TestCerts;
import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MailFailures#installTransport}: an application's own {@code Transport.send} on a Session with smtp-explain's
 * transport gets the reports {@link ExplainingSender} gets for a send nobody confirmed, against scripted servers on
 * 127.0.0.1; and the transport otherwise behaves as Angus's does.
 */
class InstalledTransportTest {

    private static final String TO = "someone@example.test";

    /** A server that takes the recipients and the content and then says nothing (or resets the connection). */
    private static FakeSmtpServer.Script silentAfterContent(boolean reset) {
        return new FakeSmtpServer.Script() {
            @Override
            public void endOfData(Conversation c) throws IOException {
                if (reset) {
                    c.reset();
                } else {
                    c.stall();
                }
            }
        };
    }

    private static MessagingException sendFailing(Session s, String... to) {
        MessagingException e = catchThrowableOfType(MessagingException.class, () -> Transport.send(message(s, "hello", to)));
        assertThat(e).as("the send should have failed").isNotNull();
        return e;
    }

    /**
     * Through Angus's own transport a silent server or a reset after the content is "not sent" (the exception does not
     * say how far the send got); through the installed one it is "not confirmed", as with ExplainingSender.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aSendNobodyAnsweredIsUnconfirmedOnlyWithTheTransportInstalled(boolean reset) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(silentAfterContent(reset))) {
            SendFailureReport plain = MailFailures.explain(sendFailing(session(server.port(), "mail.smtp.timeout", "400"), TO), Locale.ENGLISH);
            assertThat(plain.outcome()).isEqualTo(SendFailureReport.Outcome.FAILED);

            Session s = MailFailures.installTransport(session(server.port(), "mail.smtp.timeout", "400"));
            MessagingException e = sendFailing(s, TO);
            // the application's exception is Angus's, as it was: what the transport saw is kept beside it
            assertThat(e).isNotInstanceOf(SMTPSendFailedException.class);
            if (!reset) {
                assertThat(e).hasMessage("Exception reading response");
                assertThat(e.getNextException()).isInstanceOf(SocketTimeoutException.class);
            }
            assertThat(classesIn(e)).noneMatch(name -> name.startsWith("dev.smtpexplain"));

            SendFailureReport r = MailFailures.explain(e, Locale.ENGLISH);
            assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.UNCONFIRMED);
            assertThat(r.stage()).isEqualTo(SmtpStage.END_OF_DATA);
            assertThat(r.unconfirmedRecipients()).containsExactly(TO);
            assertThat(r.notAttemptedRecipients()).isEmpty();
            assertThat(r.diagnosis().retry()).isEqualTo(RetryAdvice.UNCERTAIN);
            assertThat(r.headline()).startsWith("Delivery was not confirmed");
        }
    }

    /** With sendpartial, the recipients the server refused at RCPT stay refused where Angus's exception drops them. */
    @Test
    void refusalsAtRcptSurviveThePlainTransport() throws Exception {
        String refused = "nobody@example.test";
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.RefusesThenFallsSilent(refused,
                "550 5.1.1 <" + refused + ">: Recipient address rejected: User unknown"))) {
            Session s = MailFailures.installTransport(session(server.port(), "mail.smtp.timeout", "400", "mail.smtp.sendpartial", "true"));
            SendFailureReport r = MailFailures.explain(sendFailing(s, refused, TO), Locale.ENGLISH);
            assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.UNCONFIRMED);
            assertThat(r.recipientFailures()).singleElement().satisfies(f -> {
                assertThat(f.address()).isEqualTo(refused);
                assertThat(f.diagnosis().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            });
            assertThat(r.unconfirmedRecipients()).containsExactly(TO);
            Reports.assertExplained(r, l -> MailFailures.explain(sendFailing(s, refused, TO), l));
        }
    }

    /** A refusal of the content is the server's answer: the exception is Angus's alone, and the report reads the reply. */
    @Test
    void aRefusalOfTheContentGetsNothingAdded() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void endOfData(Conversation c) throws IOException {
                c.reply("554 5.7.1 Message rejected as spam");
            }
        })) {
            MessagingException e = sendFailing(MailFailures.installTransport(session(server.port())), TO);
            assertThat(e).isInstanceOf(SMTPSendFailedException.class);
            SendFailureReport r = MailFailures.explain(e, Locale.ENGLISH);
            assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.FAILED);
            assertThat(r.category()).isEqualTo(Category.SPAM_DETECTED);
        }
    }

    /**
     * A server that accepts the connection and never greets: through Angus's transport alone a network problem at an
     * unknown stage, whose advice speaks of the network between mail servers; through the installed one, as for
     * ExplainingSender, the mail server not reached (outside tester 64, also through Spring).
     */
    @Test
    void aServerThatNeverGreetsWasNotReached() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void greeting(Conversation c) throws IOException {
                c.stall();
            }
        })) {
            SendFailureReport plain = MailFailures.explain(sendFailing(session(server.port(), "mail.smtp.timeout", "400"), TO), Locale.ENGLISH);
            assertThat(plain.category()).isEqualTo(Category.NETWORK_ERROR);
            // no server named in Angus's exception: the sentence without a name (outside tester 64: none at all)
            assertThat(plain.transportDetail()).hasValue("The mail server did not answer in time.");

            MessagingException e = sendFailing(MailFailures.installTransport(session(server.port(), "mail.smtp.timeout", "400")), TO);
            SendFailureReport r = MailFailures.explain(e, Locale.ENGLISH);
            assertThat(r.category()).isEqualTo(Category.CONNECTION_FAILED);
            assertThat(r.stage()).isEqualTo(SmtpStage.CONNECT);
            assertThat(r.transportDetail()).hasValue("The mail server 127.0.0.1 did not answer in time.");
        }
    }

    /**
     * A TLS failure after STARTTLS names its reason, and with the transport installed the server too: Angus's exception
     * names neither host nor port (outside tester 64: the reason was left out with the name).
     */
    @Test
    void aTlsFailureNamesItsReason() throws Exception {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent(), b -> b.enableTLS()
                .startTlsSocketFactory(TestCerts.serverContext(TestCerts.loopbackCert())))) {
            Session plain = session(server.port(), "mail.smtp.starttls.enable", "true");
            assertThat(MailFailures.explain(sendFailing(plain, TO), Locale.ENGLISH).transportDetail())
                    .hasValue("A secure (TLS) connection to the mail server could not be set up: the server’s certificate is not trusted.");
            Session s = MailFailures.installTransport(session(server.port(), "mail.smtp.starttls.enable", "true"));
            SendFailureReport r = MailFailures.explain(sendFailing(s, TO), Locale.ENGLISH);
            assertThat(r.category()).isEqualTo(Category.TLS_HANDSHAKE_FAILED);
            assertThat(r.transportDetail()).hasValue("A secure (TLS) connection to 127.0.0.1 could not be set up: the server’s certificate is not trusted.");
        }
    }

    /**
     * A hang-up in place of the reply to the final dot, through static {@code Transport.send}: it closes in a
     * {@code finally}, and Angus's QUIT on the broken connection threw in place of the send's failure, so the report said
     * "not sent" (outside tester 65). The installed transport's close suppresses that onto the send's failure.
     */
    @Test
    void aHangUpAfterTheContentThroughStaticSendIsUnconfirmed() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void endOfData(Conversation c) throws IOException {
                c.hangUp();
            }
        })) {
            MessagingException e = sendFailing(MailFailures.installTransport(session(server.port())), TO);
            SendFailureReport r = MailFailures.explain(e, Locale.ENGLISH);
            assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.UNCONFIRMED);
            assertThat(r.unconfirmedRecipients()).containsExactly(TO);
        }
    }

    /**
     * The exception of a send through the installed transport can be read back where smtp-explain is not: nothing of
     * the library is in it (outside tester 65: a suppressed exception of the library's made it unreadable there).
     */
    @Test
    void theExceptionHoldsNothingOfTheLibrary() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(silentAfterContent(false))) {
            MessagingException e = sendFailing(MailFailures.installTransport(session(server.port(), "mail.smtp.timeout", "400")), TO);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(e);
            }
            // read back as a JVM without smtp-explain would: any of its classes in the stream fails
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())) {
                @Override
                protected Class<?> resolveClass(java.io.ObjectStreamClass d) throws IOException, ClassNotFoundException {
                    if (d.getName().startsWith("dev.smtpexplain.")) {
                        throw new ClassNotFoundException(d.getName());
                    }
                    return super.resolveClass(d);
                }
            }) {
                assertThat((Throwable) in.readObject()).isInstanceOf(MessagingException.class).hasMessage(e.getMessage());
            }
        }
    }

    /**
     * One provider per protocol, each Angus's counterpart by class: looked up by name, "smtp" stays plain (outside tester
     * 65: the smtps provider answered for it and connected with TLS to localhost:465), and a Session that names Angus's
     * TLS transport for smtp keeps TLS. The Session's properties are as they were.
     */
    @Test
    void eachProtocolKeepsItsOwnTransport() throws Exception {
        Session s = MailFailures.installTransport(session(25));
        assertThat(s.getProvider("smtp").getClassName()).isEqualTo(DataReplyTransport.class.getName());
        assertThat(s.getTransport(s.getProvider("smtp"))).isExactlyInstanceOf(DataReplyTransport.class);
        assertThat(s.getTransport("smtps")).isExactlyInstanceOf(DataReplyTransport.Ssl.class);
        assertThat(s.getTransport(s.getProvider("smtps"))).isExactlyInstanceOf(DataReplyTransport.Ssl.class);
        assertThat(s.getProperties()).doesNotContainKeys("mail.smtp.class", "mail.smtps.class");

        Session tls = MailFailures.installTransport(session(25, "mail.smtp.class", org.eclipse.angus.mail.smtp.SMTPSSLTransport.class.getName()));
        assertThat(tls.getTransport("smtp")).isExactlyInstanceOf(DataReplyTransport.Ssl.class);
    }

    /**
     * The older implementation (com.sun.mail:jakarta.mail 2.0.x, which Apache Commons Email 2.0.0-M1 brings) wins over
     * Angus as every Session's provider, and its exceptions are not Angus's: its transports are replaced as Angus's own
     * are (outside tester 71: installTransport did nothing, and every report went wrong). The class need not be present
     * for the Session to name it.
     */
    @Test
    void theOlderImplementationsTransportIsReplacedToo() throws Exception {
        Session s = session(25);
        s.setProvider(new Provider(Provider.Type.TRANSPORT, "smtp", "com.sun.mail.smtp.SMTPTransport", "Oracle", "2.0.1"));
        s.setProvider(new Provider(Provider.Type.TRANSPORT, "smtps", "com.sun.mail.smtp.SMTPSSLTransport", "Oracle", "2.0.1"));
        MailFailures.installTransport(s);
        assertThat(s.getTransport("smtp")).isExactlyInstanceOf(DataReplyTransport.class);
        assertThat(s.getTransport("smtps")).isExactlyInstanceOf(DataReplyTransport.Ssl.class);
    }

    private static java.util.List<String> classesIn(Throwable t) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(java.util.List.of(t));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable x = todo.pop();
            if (seen.add(x)) {
                out.add(x.getClass().getName());
                if (x.getCause() != null) {
                    todo.push(x.getCause());
                }
                todo.addAll(java.util.List.of(x.getSuppressed()));
            }
        }
        return out;
    }

    /**
     * The Session's web proxy refused the connection: the report names the proxy, not the mail server, which was never
     * reached (outside tester 64: "The mail server 127.0.0.1 refused the connection on port …").
     */
    @Test
    void anUnreachableProxyIsNamed() throws Exception {
        int closed;
        try (java.net.ServerSocket gone = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = gone.getLocalPort();
        }
        Session s = session(2525, "mail.smtp.proxy.host", "127.0.0.1", "mail.smtp.proxy.port", Integer.toString(closed));
        SendFailureReport r = MailFailures.explain(sendFailing(s, TO), Locale.ENGLISH);
        assertThat(r.category()).isEqualTo(Category.CONNECTION_FAILED);
        assertThat(r.stage()).isEqualTo(SmtpStage.CONNECT);
        assertThat(r.transportDetail()).hasValue("The proxy server 127.0.0.1:" + closed + " set in your mail program’s settings could not "
                + "be reached, so no mail server was contacted. Check the proxy settings, and whether the proxy is running.");
    }

    /**
     * A retry loop that adds the first failure to the second's: the second's report is the second send's, not the
     * first's refusals and recipients (outside tester 66: the first send's refused recipients were listed).
     */
    @Test
    void anotherSendsFailureAddedToThisOneStaysItsOwn() throws Exception {
        String refused = "nobody@example.test";
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.RefusesThenFallsSilent(refused, "550 5.1.1 User unknown"))) {
            Session s = MailFailures.installTransport(session(server.port(), "mail.smtp.timeout", "400", "mail.smtp.sendpartial", "true"));
            MessagingException first = sendFailing(s, refused, TO);
            assertThat(MailFailures.explain(first, Locale.ENGLISH).recipientFailures()).hasSize(1);
            MessagingException second = new MessagingException("the retry failed too");
            second.addSuppressed(first);
            SendFailureReport r = MailFailures.explain(second, Locale.ENGLISH);
            assertThat(r.recipientFailures()).isEmpty();
            assertThat(r.unconfirmedRecipients()).isEmpty();
            assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.FAILED);
        }
    }

    /**
     * A close is quiet only right after the send that failed on its connection: after a new connect, its own failure
     * is thrown (outside tester 66: a send that broke the connection, a reconnect without a close, and the new
     * connection's failing close was suppressed onto the old, handled failure and lost).
     */
    @Test
    void aCloseAfterANewConnectThrowsItsOwnFailure() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void mail(Conversation c, String line) throws IOException {
                c.hangUp();
            }

            @Override
            public void quit(Conversation c) throws IOException {
                c.stall();
            }
        })) {
            // the QUIT's reply never comes: Angus's close throws its read timeout
            Session s = MailFailures.installTransport(session(server.port(), "mail.smtp.timeout", "300"));
            Transport t = s.getTransport("smtp");
            t.connect();
            MessagingException failed = catchThrowableOfType(MessagingException.class,
                    () -> t.sendMessage(message(s, "hello", TO), message(s, "hello", TO).getAllRecipients()));
            assertThat(failed).isNotNull();
            // the hang-up closed the connection: the application connects again without closing
            assertThat(t.isConnected()).isFalse();
            t.connect();
            assertThat(catchThrowableOfType(MessagingException.class, t::close)).as("the close of the new connection").isNotNull();
        }
    }

    /**
     * A web proxy that answered and did not connect to the mail server (HTTP 502): neither "the mail server refused
     * the connection" (it was never contacted) nor "the proxy could not be reached" (it answered) (outside tester 66).
     */
    @Test
    void aProxyThatDoesNotRelayBlamesNobody() throws Exception {
        try (java.net.ServerSocket proxy = new java.net.ServerSocket(0, 4, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket c = proxy.accept()) {
                    java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(),
                            java.nio.charset.StandardCharsets.US_ASCII));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // the CONNECT request and its headers
                    }
                    c.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    c.getOutputStream().flush();
                } catch (IOException e) {
                    // the client went away
                }
            }, "http-proxy");
            answer.setDaemon(true);
            answer.start();
            Session s = session(2525, "mail.smtp.proxy.host", "127.0.0.1", "mail.smtp.proxy.port", Integer.toString(proxy.getLocalPort()));
            SendFailureReport r = MailFailures.explain(sendFailing(s, TO), Locale.ENGLISH);
            assertThat(r.category()).isEqualTo(Category.CONNECTION_FAILED);
            assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("transport:proxy-failed");
            assertThat(r.transportDetail()).isEmpty();
        }
    }

    /** The installed transport delivers as Angus's does, for smtp and smtps; an application's own provider stays. */
    @Test
    void theSessionSendsThroughItAndDeliversAsAngusDoes() throws Exception {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent())) {
            Session s = MailFailures.installTransport(session(server.port()));
            assertThat(s.getTransport("smtp")).isInstanceOf(DataReplyTransport.class);
            assertThat(s.getTransport("smtps")).isInstanceOf(DataReplyTransport.Ssl.class);
            assertThat(MailFailures.installTransport(s)).isSameAs(s);
            Transport.send(message(s, "hello", TO, "second@example.test"));
            assertThat(server.delivered()).singleElement().satisfies(d -> assertThat(d.recipients()).containsExactly(TO, "second@example.test"));
        }
        Session own = session(25);
        own.setProvider(new Provider(Provider.Type.TRANSPORT, "smtp", OwnTransport.class.getName(), "acme", "1"));
        assertThat(MailFailures.installTransport(own).getTransport("smtp")).isExactlyInstanceOf(OwnTransport.class);
        assertThat(own.getTransport("smtps")).isInstanceOf(DataReplyTransport.Ssl.class);
    }

    /** An application's own transport class, the Session's provider for smtp. */
    public static final class OwnTransport extends SMTPTransport {
        public OwnTransport(Session session, URLName url) {
            super(session, url);
        }
    }
}
