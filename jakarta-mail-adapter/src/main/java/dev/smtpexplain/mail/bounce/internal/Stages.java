package dev.smtpexplain.mail.bounce.internal;

import dev.smtpexplain.mail.SmtpStage;
import java.util.Locale;
import java.util.Optional;

/**
 * Which SMTP command a failure answered, from the way MTAs say it: Postfix's "(in reply to RCPT TO
 * command)", Exim's "after RCPT TO:", Sendmail's transcript ">>> DATA", qmail's "RCPT TO response",
 * Gmail's "final DATA", "while connecting" … The earliest mention in the recipient's text wins.
 */
final class Stages {

    private record Mention(String phrase, SmtpStage stage) {
    }

    // plain phrases, each found with String.indexOf: linear in the text, no pattern engine
    private static final Mention[] MENTIONS = {
        m("rcpt to", SmtpStage.RCPT_TO), m("rcpt_to", SmtpStage.RCPT_TO), m("rcpt command", SmtpStage.RCPT_TO),
        m("rcpt response", SmtpStage.RCPT_TO), m(">>> rcpt", SmtpStage.RCPT_TO), m("smtp:rcpt", SmtpStage.RCPT_TO),
        m("after rcpt", SmtpStage.RCPT_TO),
        m("mail from:", SmtpStage.MAIL_FROM), m("mail from command", SmtpStage.MAIL_FROM), m("after mail from", SmtpStage.MAIL_FROM),
        m(">>> mail from", SmtpStage.MAIL_FROM), m("mail_from", SmtpStage.MAIL_FROM), m("mail command", SmtpStage.MAIL_FROM),
        m("smtp:mail", SmtpStage.MAIL_FROM), m("after mail", SmtpStage.MAIL_FROM),
        m("end of data", SmtpStage.END_OF_DATA), m("end of message", SmtpStage.END_OF_DATA), m("final data", SmtpStage.END_OF_DATA),
        m("data_end", SmtpStage.END_OF_DATA),
        m("after data", SmtpStage.DATA), m("data command", SmtpStage.DATA), m(">>> data", SmtpStage.DATA), m("(data)", SmtpStage.DATA),
        m("in reply to data", SmtpStage.DATA), m("after the data", SmtpStage.DATA), m("data response", SmtpStage.DATA),
        m("smtp:data", SmtpStage.DATA),
        m("in reply to ehlo", SmtpStage.EHLO), m("in reply to helo", SmtpStage.EHLO), m("after ehlo", SmtpStage.EHLO),
        m("after helo", SmtpStage.EHLO), m("ehlo command", SmtpStage.EHLO), m("helo command", SmtpStage.EHLO),
        m(">>> ehlo", SmtpStage.EHLO), m(">>> helo", SmtpStage.EHLO), m("in reply to lhlo", SmtpStage.EHLO),
        m("after initial connection", SmtpStage.CONNECT), m("while connecting", SmtpStage.CONNECT),
        m("connection refused", SmtpStage.CONNECT), m("connect to ", SmtpStage.CONNECT), m("during connection", SmtpStage.CONNECT),
        m("greeting", SmtpStage.CONNECT), m("smtp banner", SmtpStage.CONNECT), m("initial connection", SmtpStage.CONNECT),
    };

    private Stages() {
    }

    private static Mention m(String phrase, SmtpStage stage) {
        return new Mention(phrase, stage);
    }

    /** Every run of white space as one space: "(in reply to MAIL FROM\n    command)" reads as one phrase. */
    private static String collapseSpace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                space = true;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static Optional<SmtpStage> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String lower = collapseSpace(text.toLowerCase(Locale.ROOT));
        int best = Integer.MAX_VALUE;
        SmtpStage stage = null;
        for (Mention mention : MENTIONS) {
            int i = lower.indexOf(mention.phrase());
            // the earliest mention wins; at the same place the longer (listed first) phrase
            if (i >= 0 && i < best) {
                best = i;
                stage = mention.stage();
            }
        }
        return Optional.ofNullable(stage);
    }
}
