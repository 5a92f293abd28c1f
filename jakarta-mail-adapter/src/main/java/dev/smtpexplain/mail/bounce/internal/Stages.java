package dev.smtpexplain.mail.bounce.internal;

import dev.smtpexplain.mail.SmtpStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which SMTP command a failure answered, from the way MTAs say it: Postfix's "(in reply to RCPT TO
 * command)", Exim's "after RCPT TO:", Sendmail's transcript ">>> DATA", qmail-remote's fixed sentences
 * ("… does not like recipient.", "Connected to … but sender was rejected."), Gmail's "final DATA",
 * "while connecting" … The earliest mention in the recipient's text wins; failing that, a session
 * transcript ({@code >>>} commands, {@code <<<} replies) names the command the recipient's reply answered.
 */
final class Stages {

    private record Mention(String phrase, SmtpStage stage) {
    }

    // plain phrases, each found with String.indexOf: linear in the text, no pattern engine
    private static final Mention[] MENTIONS = {
        m("rcpt to", SmtpStage.RCPT_TO), m("rcpt_to", SmtpStage.RCPT_TO), m("rcpt command", SmtpStage.RCPT_TO),
        m("rcpt response", SmtpStage.RCPT_TO), m(">>> rcpt", SmtpStage.RCPT_TO), m("smtp:rcpt", SmtpStage.RCPT_TO),
        m("after rcpt", SmtpStage.RCPT_TO), m("does not like recipient", SmtpStage.RCPT_TO),
        m("probably greylisting", SmtpStage.RCPT_TO),
        m("mail from:", SmtpStage.MAIL_FROM), m("mail from command", SmtpStage.MAIL_FROM), m("after mail from", SmtpStage.MAIL_FROM),
        m(">>> mail from", SmtpStage.MAIL_FROM), m("mail_from", SmtpStage.MAIL_FROM), m("mail command", SmtpStage.MAIL_FROM),
        m("smtp:mail", SmtpStage.MAIL_FROM), m("after mail", SmtpStage.MAIL_FROM),
        m("but sender was rejected", SmtpStage.MAIL_FROM), m("but sender was greylisted", SmtpStage.MAIL_FROM),
        m("end of data", SmtpStage.END_OF_DATA), m("end of message", SmtpStage.END_OF_DATA), m("final data", SmtpStage.END_OF_DATA),
        m("data_end", SmtpStage.END_OF_DATA), m("failed after i sent the message", SmtpStage.END_OF_DATA),
        m("message text rejected", SmtpStage.END_OF_DATA), // CommuniGate Pro: the content was refused
        m("after data", SmtpStage.DATA), m("data command", SmtpStage.DATA), m(">>> data", SmtpStage.DATA), m("(data)", SmtpStage.DATA),
        m("in reply to data", SmtpStage.DATA), m("after the data", SmtpStage.DATA), m("data response", SmtpStage.DATA),
        m("smtp:data", SmtpStage.DATA), m("failed on data command", SmtpStage.DATA), m("message was greylisted", SmtpStage.DATA),
        m("in reply to ehlo", SmtpStage.EHLO), m("in reply to helo", SmtpStage.EHLO), m("after ehlo", SmtpStage.EHLO),
        m("after helo", SmtpStage.EHLO), m("ehlo command", SmtpStage.EHLO), m("helo command", SmtpStage.EHLO),
        m(">>> ehlo", SmtpStage.EHLO), m(">>> helo", SmtpStage.EHLO), m("in reply to lhlo", SmtpStage.EHLO),
        m("but my name was rejected", SmtpStage.EHLO), m("but starttls was rejected", SmtpStage.STARTTLS),
        // the server's answer to the connection is its greeting: Exim's "after initial connection: 554 …", Postfix's
        // "refused to talk to me: 554 …" and "timed out while receiving the initial server greeting"
        m("after initial connection", SmtpStage.GREETING), m("while connecting", SmtpStage.CONNECT),
        m("connection refused", SmtpStage.CONNECT), m("connect to ", SmtpStage.CONNECT), m("during connection", SmtpStage.CONNECT),
        m("refused to talk to me", SmtpStage.GREETING),
        m("greeting", SmtpStage.GREETING), m("smtp banner", SmtpStage.GREETING), m("initial connection", SmtpStage.GREETING),
        m("but greylisted", SmtpStage.CONNECT),
    };

    // Postfix's smtpd names the restriction class that refused in its reply; a recipient restriction is only ever
    // checked at RCPT TO, the DATA and end-of-data restrictions at those commands. (Client, HELO and sender
    // restrictions are not here: smtpd_delay_reject, the default, checks them at RCPT TO as well.)
    private static final Mention[] SMTPD_RESTRICTIONS = {
        m("recipient address rejected", SmtpStage.RCPT_TO), m("data command rejected", SmtpStage.DATA),
        m("end-of-data rejected", SmtpStage.END_OF_DATA),
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
        int e = expectedReplyAt(lower);
        if (e >= 0 && e < best) {
            stage = ofExpectedReply(lower, e);
        }
        return Optional.ofNullable(stage);
    }

    private static final String[] EXPECTED = {"expected reply", "expected response", "expected code"};

    /**
     * Where a text names the reply the sending MTA was waiting for when another came (Synchronet's "… replied with:
     * "421 …" instead of the expected reply: "220 …""), if that reply belongs to one command only; -1 otherwise.
     */
    private static int expectedReplyAt(String lower) {
        for (String phrase : EXPECTED) {
            int i = lower.indexOf(phrase);
            if (i >= 0 && ofExpectedReply(lower, i) != null) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The command whose success reply is the code after an "expected reply" phrase at {@code at}: 220 the greeting, 354
     * DATA, 334 and 235 AUTH; 250 and the others answer several commands and say nothing.
     */
    private static SmtpStage ofExpectedReply(String lower, int at) {
        int i = lower.indexOf(' ', at + "expected".length() + 1);
        if (i < 0) {
            return null;
        }
        int end = Math.min(lower.length(), i + 8);
        while (i < end && !Character.isDigit(lower.charAt(i))) {
            char c = lower.charAt(i);
            if (c != ' ' && c != ':' && c != '"' && c != '\'' && c != '=') {
                return null;
            }
            i++;
        }
        if (i + 3 > lower.length() || i + 3 < lower.length() && Character.isDigit(lower.charAt(i + 3))) {
            return null;
        }
        return switch (lower.substring(i, i + 3)) {
            case "220" -> SmtpStage.GREETING;
            case "354" -> SmtpStage.DATA;
            case "334", "235" -> SmtpStage.AUTH;
            default -> null;
        };
    }

    /**
     * The command a reply implies when no words around it name one: Postfix's restriction labels ("&lt;bob@…&gt;:
     * Recipient address rejected: …" is a refusal of RCPT TO), as other servers quote them without the command
     * (OpenSMTPD's "addr: reply" lines, a relay's bare Diagnostic-Code).
     */
    static Optional<SmtpStage> implied(String reply) {
        if (reply == null || reply.isEmpty()) {
            return Optional.empty();
        }
        String lower = collapseSpace(reply.toLowerCase(Locale.ROOT));
        for (Mention mention : SMTPD_RESTRICTIONS) {
            if (lower.contains(mention.phrase())) {
                return Optional.of(mention.stage());
            }
        }
        return Optional.empty();
    }

    /**
     * The command on the line right before the reply in an unmarked session transcript (MDaemon's " RCPT
     * To:&lt;bob@…&gt;" then " 552 Message for …", InterScan's "Sent &lt;&lt;&lt; RCPT TO:" then "Received &gt;&gt;&gt; 550 …"): the
     * reply's first line is looked for in the text, and the line before it must be nothing but a command.
     */
    static Optional<SmtpStage> commandBefore(String text, String replyText) {
        String reply = replyText.strip();
        int nl = reply.indexOf('\n');
        String first = (nl < 0 ? reply : reply.substring(0, nl)).strip();
        if (first.length() < 5 || text == null) {
            return Optional.empty();
        }
        int at = text.indexOf(first.substring(0, Math.min(40, first.length())));
        if (at <= 0) {
            return Optional.empty();
        }
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        if (lineStart <= 0) {
            return Optional.empty();
        }
        int prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        String command = withoutMarks(text.substring(prevStart, lineStart - 1).strip());
        if (command.regionMatches(true, 0, "sent ", 0, 5)) {
            command = withoutMarks(command.substring(5));
        }
        SmtpStage stage = dev.smtpexplain.mail.internal.Stages.ofCommand(command);
        return stage == SmtpStage.UNKNOWN || stage == SmtpStage.QUIT ? Optional.empty() : Optional.of(stage);
    }

    // an MDaemon transcript line's time stamp ("Tue 2025-03-04 09:58:13.341: --> RCPT To:<…>")
    static final String TIME_STAMP_PATTERN = "(?:[A-Z][a-z]{2} )?[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?: ";
    private static final java.util.regex.Pattern TIME_STAMP = java.util.regex.Pattern.compile("^" + TIME_STAMP_PATTERN);

    /**
     * A line without the time stamp and the direction marks and blanks it starts with ("&gt;&gt;&gt; ", "&lt;&lt;&lt; ",
     * MDaemon's "--&gt; ").
     */
    private static String withoutMarks(String line) {
        java.util.regex.Matcher stamp = TIME_STAMP.matcher(line);
        int i = stamp.lookingAt() ? stamp.end() : 0;
        while (i < line.length() && (line.charAt(i) == '>' || line.charAt(i) == '<' || line.charAt(i) == ' ' || line.charAt(i) == '-')) {
            i++;
        }
        return line.substring(i);
    }

    /** A transcript's reply line (lower case, runs of white space as one space) and the command it answered. */
    record Exchange(SmtpStage command, String reply) {
    }

    /**
     * A session transcript's replies with the command each answered: Sendmail's "&gt;&gt;&gt; MAIL
     * From:&lt;…&gt;" then "&lt;&lt;&lt; 553 5.1.8 …". Lines may carry a forwarder's quote marks
     * ("&gt; &lt;&lt;&lt; 550 …"); replies before any command, or after one we do not name (RSET), are left out.
     */
    static List<Exchange> transcript(List<String> lines) {
        List<Exchange> exchanges = new ArrayList<>();
        SmtpStage last = SmtpStage.UNKNOWN;
        for (String line : lines) {
            int i = 0;
            while (i < line.length() && (line.charAt(i) == '>' || line.charAt(i) == ' ')) {
                i++;
            }
            if (line.startsWith("<<< ", i)) {
                if (last != SmtpStage.UNKNOWN) {
                    exchanges.add(new Exchange(last, collapseSpace(line.substring(i + 4).strip().toLowerCase(Locale.ROOT))));
                }
            } else if (commandMarks(line, i) >= 3) {
                // ">>> DATA", or ">>>> DATA" when a forwarder quoted it once
                last = dev.smtpexplain.mail.internal.Stages.ofCommand(line.substring(i));
            }
        }
        return exchanges;
    }

    /**
     * The command the transcript's reply {@code replyText} answered: the first reply line that reads
     * the same (letter case and runs of white space aside; one may be cut short, down to its first 40
     * characters).
     */
    static Optional<SmtpStage> answered(List<Exchange> transcript, String replyText) {
        String reply = collapseSpace(replyText.strip().toLowerCase(Locale.ROOT));
        if (reply.length() < 3 || transcript.isEmpty()) {
            return Optional.empty();
        }
        String key = reply.substring(0, Math.min(40, reply.length()));
        for (Exchange e : transcript) {
            String line = e.reply();
            if (line.startsWith(key) || line.length() >= 3 && key.startsWith(line)) {
                return Optional.of(e.command());
            }
        }
        return Optional.empty();
    }

    /** How many '>' stand right before {@code at}, across the spaces that separate them from it. */
    private static int commandMarks(String line, int at) {
        int j = at;
        while (j > 0 && line.charAt(j - 1) == ' ') {
            j--;
        }
        if (j == at) {
            return 0;
        }
        int marks = 0;
        while (j > 0 && line.charAt(j - 1) == '>') {
            j--;
            marks++;
        }
        return marks;
    }
}
