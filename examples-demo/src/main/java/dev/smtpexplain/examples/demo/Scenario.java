package dev.smtpexplain.examples.demo;

import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.ExplainingSender;
import dev.smtpexplain.mail.ExplainedSendFailedException;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.SendResult;
import dev.smtpexplain.mail.bounce.BounceReport;
import dev.smtpexplain.mail.bounce.Bounces;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One failure the demo provokes: who sends what to whom, on which of the demo servers.
 *
 * @param id a short stable name
 * @param description what the scenario shows, in English (the catalogs' {@code demo.scenario.<id>} say it in
 *     every language)
 * @param server which demo server to talk to
 * @param from the envelope and header sender
 * @param to the recipients
 * @param subject the subject
 * @param bodyBytes the size of the body
 * @param sendPartial deliver to the accepted recipients even when others are refused
 * @param login log in with a (wrong) password
 */
public record Scenario(String id, String description, Server server, String from, List<String> to, String subject, int bodyBytes,
        boolean sendPartial, boolean login) {

    /** The demo servers. */
    public enum Server {
        MAIN, BLOCKLISTING, AUTHENTICATING, TLS_ONLY, NOTHING_LISTENING,
        /** The main server accepts the message; the recipient's mailbox server refuses it later, and a bounce comes back. */
        MAIN_THEN_BOUNCE
    }

    private static final String ALICE = "alice@" + DemoMailServer.DOMAIN;

    /**
     * Sends this scenario's message through the adapter to the demo servers; returns the report, or null
     * if the send unexpectedly succeeded.
     */
    public SendFailureReport provoke(DemoMailServer servers, Explainer explainer, Locale locale) {
        Scenario s = this;
        int port = switch (s.server()) {
            case MAIN -> servers.mainPort();
            case BLOCKLISTING -> servers.blocklistingPort();
            case AUTHENTICATING -> servers.authenticatingPort();
            case TLS_ONLY -> servers.tlsOnlyPort();
            case NOTHING_LISTENING -> servers.refusedPort();
            case MAIN_THEN_BOUNCE -> servers.mainPort();
        };
        ExplainingSender.Builder b = senderTo(servers, port, explainer, locale).sendPartial(s.sendPartial());
        if (s.login()) {
            b.credentials("alice", "not-the-right-password");
        }
        ExplainingSender sender = b.build();
        try {
            SendResult result = sender.send(message(sender, s));
            return result.report().orElse(null);
        } catch (ExplainedSendFailedException e) {
            return e.report();
        } catch (MessagingException e) {
            return sender.analyzer().analyze(e, locale);
        }
    }

    /**
     * Sends this scenario's message, which the server accepts, then reads the bounce the recipient's
     * provider sends back later; null if the send failed right away.
     */
    public BounceReport provokeBounce(DemoMailServer servers, Explainer explainer, Locale locale) {
        ExplainingSender sender = senderTo(servers, servers.mainPort(), explainer, locale).build();
        try {
            MimeMessage m = (MimeMessage) message(sender, this);
            SendResult result = sender.send(m);
            if (result.report().isPresent()) {
                return null;
            }
            byte[] bounce = DemoBounce.forRefusedRecipient(m, to().get(0));
            return Bounces.builder().explainer(explainer).build().read(bounce, locale);
        } catch (MessagingException | java.io.IOException e) {
            return null;
        }
    }

    /** A sender to one of the demo servers, without TLS and with short timeouts. */
    private static ExplainingSender.Builder senderTo(DemoMailServer servers, int port, Explainer explainer, Locale locale) {
        return ExplainingSender.builder()
                .host(servers.host()).port(port)
                .security(ExplainingSender.Security.NONE)
                .explainer(explainer)
                .locale(locale)
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(10));
    }

    private static Message message(ExplainingSender sender, Scenario s) throws MessagingException {
        MimeMessage m = new MimeMessage(sender.session());
        m.setFrom(new InternetAddress(s.from()));
        for (String to : s.to()) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        m.setSubject(s.subject(), "UTF-8");
        StringBuilder body = new StringBuilder("Hello,\r\n\r\nthis message was sent by the smtp-explain demo.\r\n");
        while (body.length() < s.bodyBytes()) {
            body.append("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\r\n");
        }
        m.setText(body.toString(), "UTF-8");
        return m;
    }

    /** The scenarios whose send fails right away: all but the one whose failure comes back later as a bounce. */
    public static List<Scenario> sendFailures() {
        return all().stream().filter(s -> s.server() != Server.MAIN_THEN_BOUNCE).toList();
    }

    /** Every scenario, in the order the demo runs them. */
    public static List<Scenario> all() {
        return List.of(
                new Scenario("unknown-recipient", "a recipient address that does not exist", Server.MAIN, ALICE,
                        List.of("nobody@example.test"), "Minutes of Monday's meeting", 400, false, false),
                new Scenario("mailbox-full", "the recipient's mailbox is over quota", Server.MAIN, ALICE,
                        List.of("full@example.test"), "Invoice 2026-114", 400, false, false),
                new Scenario("greylisting", "the receiving server defers a first-time sender", Server.MAIN, ALICE,
                        List.of("grey@example.test"), "Hello from a new sender", 400, false, false),
                new Scenario("message-too-big", "an attachment pushes the message over the size limit", Server.MAIN, ALICE,
                        List.of("bob@example.test"), "Holiday photos", DemoMailServer.SIZE_LIMIT + 32 * 1024, false, false),
                new Scenario("dmarc-rejection", "the sender's domain fails DMARC (Gmail's multi-line reply)", Server.MAIN,
                        "newsletter@dmarc.example", List.of("bob@example.test"), "Our autumn newsletter", 400, false, false),
                new Scenario("spam-block", "a content filter scores the message as spam", Server.MAIN, ALICE,
                        List.of("bob@example.test"), "WINNER! Claim your prize now", 400, false, false),
                new Scenario("blocklisted-ip", "the sending IP is on a blocklist; the greeting refuses it", Server.BLOCKLISTING, ALICE,
                        List.of("bob@example.test"), "Quarterly report", 400, false, false),
                new Scenario("authentication-failure", "a wrong password at login", Server.AUTHENTICATING, ALICE,
                        List.of("bob@example.test"), "Quarterly report", 400, false, true),
                new Scenario("starttls-required", "the server accepts mail only over an encrypted connection", Server.TLS_ONLY, ALICE,
                        List.of("bob@example.test"), "Quarterly report", 400, false, false),
                new Scenario("relay-denied", "a recipient on another domain, without logging in", Server.MAIN, ALICE,
                        List.of("carol@elsewhere.test"), "Lunch on Friday?", 400, false, false),
                new Scenario("partial-delivery", "two recipients accept, one does not exist", Server.MAIN, ALICE,
                        List.of("bob@example.test", "nobody.else@example.test", "dave@example.test"), "Project kickoff", 400, true, false),
                new Scenario("connection-refused", "no mail server listens on the port", Server.NOTHING_LISTENING, ALICE,
                        List.of("bob@example.test"), "Quarterly report", 400, false, false),
                new Scenario("bounce-later", "the server accepts the message; a bounce (DSN) comes back later and is read",
                        Server.MAIN_THEN_BOUNCE, ALICE, List.of("kim@example.test"), "Contract draft", 400, false, false));
    }
}
