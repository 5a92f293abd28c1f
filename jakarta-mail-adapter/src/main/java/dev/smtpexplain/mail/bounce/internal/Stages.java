package dev.smtpexplain.mail.bounce.internal;

import dev.smtpexplain.mail.SmtpStage;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which SMTP command a failure answered, from the way MTAs say it: Postfix's "(in reply to RCPT TO
 * command)", Exim's "after RCPT TO:", Sendmail's transcript ">>> DATA", qmail's "RCPT TO response",
 * Gmail's "final DATA", "while connecting" … The earliest mention in the recipient's text wins.
 */
final class Stages {

    // literal alternatives only: no nested repetition, so matching stays linear in the text
    private static final Pattern MENTION = Pattern.compile(
            "(rcpt to|rcpt_to|rcpt command|rcpt response|>>> rcpt|smtp:rcpt|after rcpt)"
            + "|(mail from:|mail from command|after mail from|>>> mail from|mail_from|mail command|smtp:mail|after mail)"
            + "|(end of data|end of message|final data|data_end|after data|data command|>>> data|\\(data\\)|in reply to data|after the data|data response|smtp:data)"
            + "|(in reply to ehlo|in reply to helo|after ehlo|after helo|ehlo command|helo command|>>> ehlo|>>> helo|in reply to lhlo)"
            + "|(after initial connection|while connecting|connection refused|connect to |during connection|greeting|smtp banner|initial connection)");

    private Stages() {
    }

    static Optional<SmtpStage> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = MENTION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return Optional.empty();
        }
        if (m.group(1) != null) {
            return Optional.of(SmtpStage.RCPT_TO);
        }
        if (m.group(2) != null) {
            return Optional.of(SmtpStage.MAIL_FROM);
        }
        if (m.group(3) != null) {
            String g = m.group(3);
            return Optional.of(g.startsWith("end") || g.startsWith("final") || g.equals("data_end") ? SmtpStage.END_OF_DATA : SmtpStage.DATA);
        }
        if (m.group(4) != null) {
            return Optional.of(SmtpStage.EHLO);
        }
        return Optional.of(SmtpStage.CONNECT);
    }
}
