package dev.smtpexplain.core.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a relaying MTA or a client writes around the reply it quotes: the lines before it ("Your message
 * could not be delivered.", "host mx.example.org said:", "SMTP error from remote mail server after RCPT
 * TO:&lt;a@example.org&gt;:", "Remote Server returned '"), a transcript's commands ("&gt;&gt;&gt; RCPT
 * To:…") and Postfix's "(in reply to RCPT TO command)", and an MTA log line's field names ({@code relay=},
 * {@code stat=}). The rules read the introducing line for the stage it names, with its host names as data; the word
 * model reads only the server's own words.
 */
public final class RelayProse {

    private RelayProse() {
    }

    /**
     * {@return the words a server wrote, from a reply's lines}: without the lines that a relaying MTA or a
     * client wrote before the reply and to introduce it ("host mx.example.org said:", "SMTP error from remote mail server
     * after RCPT TO:&lt;a@example.org&gt;:", "Remote Server returned '", "nested exception is:"), the
     * commands of a transcript ("&gt;&gt;&gt; RCPT To:…") and Postfix's "(in reply to RCPT TO command)":
     * the same reply, relayed or not, reads the same.
     */
    public static String serverText(List<String> lines) {
        return withoutLogFieldNames(ownLines(lines));
    }

    // an MTA's log line ("to=<…>, relay=mx.example.org[…], delay=1, dsn=5.7.1, stat=Service unavailable"): its field
    // names are the log's, not the server's words ("relay" read as a relaying refusal, "stat" as a server's fault)
    private static final Pattern LOG_FIELD = Pattern.compile(
            "(?<![\\p{L}\\p{N}._-])(?:to|orig_to|from|relay|delay|delays|xdelay|mailer|pri|dsn|ctladdr|size|nrcpts|proto|daemon"
                    + "|msgid|status|stat|conn|class)=");

    static String withoutLogFieldNames(String text) {
        if (text.indexOf('=') < 0) {
            return text;
        }
        Matcher m = LOG_FIELD.matcher(text);
        int fields = 0;
        while (m.find() && fields < 2) {
            fields++;
        }
        // two fields at least: one "size=" or "status=" may be a server's own words
        return fields < 2 ? text : m.reset().replaceAll(" ");
    }

    private static String ownLines(List<String> lines) {
        int last = lines.size() - 1;
        if (last == 0) {
            return withoutStage(lines.get(0)); // one line, the usual case
        }
        // what comes before the last line that introduces the reply is the relaying MTA's own prose
        int first = lastIntroduction(lines) + 1;
        StringBuilder sb = new StringBuilder();
        for (int l = first; l <= last; l++) {
            String line = lines.get(l);
            if (line.startsWith(">>>")) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(l == last ? withoutStage(line) : line);
        }
        return sb.toString();
    }

    /**
     * {@return the index of the last line before the reply's own that introduces it ("host mx.example.org
     * said:", "The error that the other server returned was:"), or -1}: what comes before that line is the
     * relaying MTA's or the client's own prose.
     */
    public static int lastIntroduction(List<String> lines) {
        for (int l = lines.size() - 2; l >= 0; l--) {
            if (introduces(lines.get(l))) {
                return l;
            }
        }
        return -1;
    }

    // a line that ends where what it introduces begins: a colon, or a quotation mark it opens
    private static boolean introduces(String line) {
        char end = line.isEmpty() ? ' ' : line.charAt(line.length() - 1);
        if (end == ':') {
            return true;
        }
        if (end != '\'' && end != '"') {
            return false;
        }
        int quotes = 0;
        for (int i = 0; i < line.length(); i++) {
            quotes += line.charAt(i) == end ? 1 : 0;
        }
        return quotes % 2 == 1;
    }

    private static final String[] STAGE = {"in", "reply", "to"};

    // Postfix's "(in reply to RCPT TO command)" at the line's end, also as a report, a log or a copy writes it: with
    // a full stop or a closing quotation mark after it, in capitals, with more than one space between its words
    private static String withoutStage(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '.' || line.charAt(end - 1) == '"' || line.charAt(end - 1) == '\''
                || Character.isWhitespace(line.charAt(end - 1)))) {
            end--;
        }
        if (end == 0 || line.charAt(end - 1) != ')') {
            return line;
        }
        int open = line.lastIndexOf('(', end - 1);
        return open >= 0 && startsStage(line, open + 1, end - 1) ? line.substring(0, open).stripTrailing() : line;
    }

    // whether "in reply to" and a space start line[from, to), any case, any run of white space between the words
    private static boolean startsStage(String line, int from, int to) {
        int i = from;
        for (String word : STAGE) {
            if (!line.regionMatches(true, i, word, 0, word.length())) {
                return false;
            }
            i += word.length();
            if (i >= to || !Character.isWhitespace(line.charAt(i))) {
                return false;
            }
            while (i < to && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
        }
        return true;
    }
}
