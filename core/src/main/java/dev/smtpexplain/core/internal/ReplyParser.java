package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.EnhancedStatus;
import dev.smtpexplain.core.ReplyCode;
import dev.smtpexplain.core.ReplyParseException;
import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.core.SmtpReply;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies. Hand-written scanners rather than regular expressions: every pass is linear in
 * the input and nothing backtracks over untrusted text.
 */
public final class ReplyParser {

    private static final String DSN_FIELD = "diagnostic-code:";

    private ReplyParser() {
    }

    /** See {@link SmtpReply#parse(String)}. */
    public static SmtpReply strict(String input) {
        if (input == null || input.isBlank()) {
            throw new ReplyParseException("the reply is empty; expected e.g. '550 5.1.1 User unknown'", 0);
        }
        List<String> rawLines = splitLines(stripDsnPrefix(composed(input).strip()));
        ReplyCode code = null;
        EnhancedStatus status = null;
        List<String> text = new ArrayList<>(rawLines.size());
        for (int i = 0; i < rawLines.size(); i++) {
            String line = rawLines.get(i);
            int n = i + 1;
            boolean last = i == rawLines.size() - 1;
            if (line.length() < 3 || !isDigit(line.charAt(0)) || !isDigit(line.charAt(1)) || !isDigit(line.charAt(2))) {
                throw new ReplyParseException("expected a three-digit reply code at the start, found '" + ServerText.excerpt(line) + "'", n);
            }
            if (line.charAt(0) < '1' || line.charAt(0) > '5') {
                throw new ReplyParseException("a reply code starts with 1-5, found '" + line.substring(0, 3) + "'", n);
            }
            ReplyCode lineCode = ReplyCode.parse(line.substring(0, 3));
            if (code == null) {
                code = lineCode;
            } else if (!code.equals(lineCode)) {
                throw new ReplyParseException("code " + lineCode + " differs from the first line's " + code, n);
            }
            char sep = line.length() == 3 ? ' ' : line.charAt(3);
            if (sep != ' ' && sep != '-') {
                throw new ReplyParseException("expected a space or '-' after the code " + code + ", found '" + ServerText.excerpt(String.valueOf(sep)) + "'", n);
            }
            if (sep == '-' && last) {
                throw new ReplyParseException("the last line is marked as continued ('" + code + "-'): the reply is cut off", n);
            }
            if (sep == ' ' && !last) {
                throw new ReplyParseException("this line ends the reply ('" + code + " ') but more lines follow", n);
            }
            String rest = line.length() > 4 ? line.substring(4) : "";
            int end = statusEnd(rest, 0);
            if (end > 0) {
                EnhancedStatus lineStatus = EnhancedStatus.parse(rest.substring(0, end));
                if (code.classDigit() >= 2 && code.classDigit() != 3 && lineStatus.statusClass() != code.classDigit()) {
                    throw new ReplyParseException("enhanced status " + lineStatus + " does not match the class of reply code " + code, n);
                }
                if (status == null) {
                    status = lineStatus;
                }
                rest = rest.substring(end);
            }
            text.add(rest.strip());
        }
        return new SmtpReply(code, status, dropEmpty(text), input);
    }

    /** See {@link SmtpReply#parseLenient(String)}. */
    public static SmtpReply lenient(String input) {
        if (input == null) {
            return new SmtpReply(null, null, List.of(), "");
        }
        return scan(input, null, null);
    }

    /** See {@link SmtpReply#of(Integer, String, String)}. */
    public static SmtpReply withParts(ReplyCode code, EnhancedStatus status, String text) {
        return scan(text, code, status);
    }

    private static SmtpReply scan(String input, ReplyCode givenCode, EnhancedStatus givenStatus) {
        SmtpReply reply = scanOnce(input, givenCode, givenStatus);
        if (reply.code().isEmpty() || reply.status().isEmpty()) {
            // a reply padded, aligned or joined from wrapped lines ("said:  554 …", "454  5.5.1", a tab after the code)
            // hides its code or status from a reader of single spaces: read once more with each run as one space.
            // Looked for only here, so that a reply whose code and status were found costs no search for runs
            String spaced = singleSpaced(input);
            if (spaced != input) {
                return scanOnce(spaced, givenCode, givenStatus);
            }
        }
        return reply;
    }

    private static SmtpReply scanOnce(String input, ReplyCode givenCode, EnhancedStatus givenStatus) {
        String text0 = composed(input);
        EnhancedStatus fieldStatus = null;
        // one line, the usual case: neither a bounce to focus on nor lines to split (looked for once)
        boolean oneLine = isOneLine(text0);
        // a reply as a server sends it ("550-5.1.1 …" on its first line) is the server's words throughout: a line of it
        // that reads "Status: 4.2.2" or "Diagnostic-Code: smtp; 250 …" is its text, not a bounce's field
        BounceText.Focus focus = oneLine ? null : BounceText.focus(text0, !startsWithReplyCode(text0));
        if (focus != null) {
            text0 = focus.text();
            fieldStatus = focus.status();
        }
        String stripped = unwrapExchange(stripDsnPrefix(text0.strip()));
        List<String> rawLines = oneLine ? oneLine(stripped) : unfoldRecipientParagraphs(splitLines(stripped));
        ReplyCode code = givenCode;
        EnhancedStatus status = givenStatus != null ? givenStatus : fieldStatus;
        boolean codeFromText = false;
        List<String> text = new ArrayList<>(rawLines.size());
        for (int l = 0; l < rawLines.size(); l++) {
            String line = rawLines.get(l);
            // indexes into the stripped line rather than substrings: one copy per line of text kept
            String rest = line.strip();
            int from = 0;
            int at = codeStart(rest, !codeFromText && code == null);
            if (at >= 0) {
                ReplyCode lineCode = ReplyCode.of(digits(rest, at, at + 3));
                if (code == null) {
                    code = lineCode;
                    codeFromText = true;
                }
                if (lineCode.equals(code) || at == 0) {
                    // what a relaying MTA wrote before the code ("host mx.example.org refused to talk to me:",
                    // "SMTP error from remote mail server after RCPT TO:") names the stage: keep it as a line
                    boolean bracketed = at > 0 && (rest.charAt(at - 1) == '(' || rest.charAt(at - 1) == '（');
                    String before = rest.substring(0, bracketed ? at - 1 : at).strip();
                    if (!before.isEmpty()) {
                        text.add(before);
                    }
                    from = Math.min(rest.length(), at + 4);
                    if (bracketed) {
                        // past "(535)" and the colon after it
                        while (from < rest.length() && (rest.charAt(from) == ' ' || rest.charAt(from) == ':' || rest.charAt(from) == '：')) {
                            from++;
                        }
                    }
                    int end = statusEnd(rest, from);
                    if (end > 0) {
                        if (status == null) {
                            status = statusAt(rest, from, end);
                        }
                        from = end;
                    }
                }
            }
            int quoted = l == 0 && code != null ? codeAfterColon(rest, from, code) : -1;
            if (quoted > 0) {
                // the same code again after a colon: a relay's prose on one line, quoting the reply ("550 5.7.1 …
                // The error that the other server returned was: 550 5.7.1 Access denied", or the code given apart)
                text.add(rest.substring(from, quoted).strip());
                from = quoted + 4;
                if (rest.startsWith(rest.substring(quoted, quoted + 4), from)) {
                    from += 4; // Gmail's doubled "550 550 5.7.1"
                }
                int end = statusEnd(rest, from);
                if (end > 0) {
                    if (status == null) {
                        status = statusAt(rest, from, end);
                    }
                    from = end;
                }
            }
            String kept = stripped(rest, from);
            if (!kept.isEmpty()) {
                text.add(kept);
            }
        }
        if (status == null) {
            status = findStatus(text, code);
        }
        // a whole bounce shows the part that was read, not its header block, MIME structure or returned message
        return new SmtpReply(code, status, text, focus == null ? input : focus.text());
    }

    // a reply code from 2 to 5 at the text's start, past white space, followed by a space, a '-' or the line's end
    private static boolean startsWithReplyCode(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i + 3 > s.length() || s.charAt(i) < '2' || s.charAt(i) > '5' || !isDigit(s.charAt(i + 1)) || !isDigit(s.charAt(i + 2))) {
            return false;
        }
        char after = i + 3 < s.length() ? s.charAt(i + 3) : '\n';
        return after == ' ' || after == '-' || after == '\r' || after == '\n';
    }

    /**
     * Where a reply code starts in {@code line}: at the start, or (when {@code anywhere}) after junk such
     * as "host mx.example.com said:". Returns -1 when there is none.
     */
    static int codeStart(String line, boolean anywhere) {
        int limit = anywhere ? line.length() - 2 : Math.min(1, line.length() - 2);
        for (int i = 0; i < limit; i++) {
            if (isCodeAt(line, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isCodeAt(String s, int i) {
        char c0 = s.charAt(i);
        if (c0 < '1' || c0 > '5' || !isDigit(s.charAt(i + 1)) || !isDigit(s.charAt(i + 2))) {
            return false;
        }
        if (i > 0) {
            char before = s.charAt(i - 1);
            // a code stands on its own: not part of an IP, a number, a word or an id
            if (Character.isLetterOrDigit(before) || before == '.' || before == '-' || before == '#' || before == '/' || before == '=') {
                return false;
            }
            // nor a port number ("smtp.example.com, Port 587 kann nicht hergestellt werden")
            if (i >= 5 && s.regionMatches(true, i - 5, "port", 0, 4) && (i == 5 || !Character.isLetterOrDigit(s.charAt(i - 6)))) {
                return false;
            }
            // nor the port of a host name ("SMTP server smtp.example.com:587 に接続できません"), nor the second of two numbers
            // a colon joins: a time, a ratio, a cipher's key size in Exim's log ("X=TLS1.3:TLS_AES_256_GCM_SHA384:256")
            if (before == ':' && (isPortOfHost(s, i - 1) || i >= 2 && isDigit(s.charAt(i - 2)))) {
                return false;
            }
            // RFC 5321's second digit is 0-5: mid-line, a number like 465 or 587 is a port ("Порт 587 открыт",
            // "端口 587"), a count or a size, unless a colon introduces it as a quoted reply (servers that answer
            // 571 or 572 are quoted so: "host mx.example.org said: 571 Delivery not authorized")
            if (s.charAt(i + 1) > '5' && !afterColon(s, i)) {
                return false;
            }
            // and no server replies 1xx: mid-line such a number is a system error's ("…: 111 : Connection refused")
            if (c0 == '1') {
                return false;
            }
        }
        if (i + 3 == s.length()) {
            return i == 0;
        }
        char after = s.charAt(i + 3);
        if ((after == ')' || after == '）') && i > 0) {
            // a client's "SMTP Error (535): Authentication failed", in any language ("SMTP-Fehler (535):",
            // "Erreur SMTP (535) :", "SMTP 錯誤（535）："), or "… (SMTP error 552).": a code that a bracket
            // closes, after a word that names SMTP
            char before = s.charAt(i - 1);
            return (before == '(' || before == '（' || before == ' ') && namesSmtpBefore(s, before == ' ' ? i : i - 1);
        }
        if (after == '-') {
            // a continuation line: "550-5.7.1 text" or "550-text"
            return i == 0;
        }
        if (after != ' ') {
            return false;
        }
        // mid-line, demand what follows a code in a reply: an enhanced status or a word; after a colon that
        // introduces it ("host mx.example.org said: 550 [SUSPEND] …", "…: 554 30 Sorry, …") any text
        return i == 0 || i + 4 < s.length() && (Character.isLetter(s.charAt(i + 4)) || statusEnd(s, i + 4) > 0
                || s.charAt(i + 4) == '<' || s.charAt(i + 4) == '#' || afterColon(s, i) && s.charAt(i + 4) != ' ');
    }

    // whether one of the two words before `at` holds "SMTP" ("SMTP Error (", "Błąd SMTP (", "SMTP-virhe (",
    // "(SMTP error "), looking back at most 40 characters: such words are short, and a long run of brackets
    // stays linear
    private static boolean namesSmtpBefore(String s, int at) {
        int j = at;
        int limit = Math.max(0, at - 40);
        for (int word = 0; word < 2; word++) {
            while (j > limit && s.charAt(j - 1) == ' ') {
                j--;
            }
            int end = j;
            while (j > limit && s.charAt(j - 1) != ' ') {
                j--;
            }
            if (end == j) {
                return false;
            }
            for (int k = j; k + 4 <= end; k++) {
                if (s.regionMatches(true, k, "smtp", 0, 4)) {
                    return true;
                }
            }
        }
        return false;
    }

    // where `code` stands again after a colon and a space, from `from` on, followed by more of a reply; else -1
    private static int codeAfterColon(String s, int from, ReplyCode code) {
        String colonCode = ": " + code.value();
        for (int i = s.indexOf(colonCode, from); i >= 0; i = s.indexOf(colonCode, i + 1)) {
            if (i + 2 + 3 < s.length() && isCodeAt(s, i + 2)) {
                return i + 2;
            }
        }
        return -1;
    }

    // whether the code at i follows a colon and one space ("said: 550"), as a relay introduces a reply
    private static boolean afterColon(String s, int i) {
        return i >= 2 && s.charAt(i - 1) == ' ' && s.charAt(i - 2) == ':';
    }

    /** Whether the ':' at {@code colon} ends a dotted host name written right before it ("mx.example.com:"). */
    private static boolean isPortOfHost(String s, int colon) {
        int j = colon;
        boolean dot = false;
        boolean letter = false;
        while (j > 0) {
            char c = s.charAt(j - 1);
            if (c == '.') {
                dot = true;
            } else if (Character.isLetter(c)) {
                letter = true;
            } else if (!isDigit(c) && c != '-') {
                break;
            }
            j--;
        }
        return dot && letter && j < colon && s.charAt(colon - 1) != '.';
    }

    /**
     * If an enhanced status code starts at {@code from}, returns the index just past it, else -1.
     */
    static int statusEnd(String s, int from) {
        int n = s.length();
        if (from >= n) {
            return -1;
        }
        char c = s.charAt(from);
        if (c != '2' && c != '4' && c != '5') {
            return -1;
        }
        int i = from + 1;
        for (int part = 0; part < 2; part++) {
            if (i >= n || s.charAt(i) != '.') {
                return -1;
            }
            i++;
            int digits = 0;
            while (i < n && isDigit(s.charAt(i)) && digits < 4) {
                i++;
                digits++;
            }
            if (digits == 0 || digits > 3) {
                return -1;
            }
        }
        if (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
            return -1;
        }
        return i;
    }

    /** The first enhanced status anywhere in the text, preferring one whose class matches the code. */
    private static EnhancedStatus findStatus(List<String> lines, ReplyCode code) {
        EnhancedStatus first = null;
        for (String line : lines) {
            // a status's class digit stands just before a dot: look only at the dots (an indexOf, not a
            // character-by-character walk), at a digit 2, 4 or 5 that no digit or dot precedes
            for (int dot = line.indexOf('.', 1); dot > 0; dot = line.indexOf('.', dot + 1)) {
                int i = dot - 1;
                char c = line.charAt(i);
                if ((c == '2' || c == '4' || c == '5') && (i == 0 || !isDigit(line.charAt(i - 1)) && line.charAt(i - 1) != '.')) {
                    int end = statusEnd(line, i);
                    if (end > 0) {
                        EnhancedStatus s = statusAt(line, i, end);
                        if (code == null || s.statusClass() == code.classDigit()) {
                            return s;
                        }
                        if (first == null) {
                            first = s;
                        }
                        dot = end - 1;
                    }
                }
            }
        }
        return code == null ? first : null;
    }

    /** The enhanced status in {@code s[from, end)}, a range {@link #statusEnd} accepted. */
    private static EnhancedStatus statusAt(String s, int from, int end) {
        int firstDot = s.indexOf('.', from);
        int secondDot = s.indexOf('.', firstDot + 1);
        return new EnhancedStatus(s.charAt(from) - '0', digits(s, firstDot + 1, secondDot), digits(s, secondDot + 1, end));
    }

    /** The number written in the ASCII digits {@code s[from, to)}. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    /** {@code s.substring(from).strip()}, copying at most once. */
    /**
     * {@code text} with each run of spaces and tabs inside a line as one space: a reply padded, aligned or joined
     * from wrapped lines ("said:  554  mx.example.net") reads as the one written with single spaces, as the rules
     * and the words read it. A line's indentation stays (a bounce's structure), and a text with no such run comes
     * back as it is.
     */
    static String singleSpaced(String text) {
        // two searches the JDK runs as vector loops: most replies have neither, and come back as they are
        if (text.indexOf('\t') < 0 && text.indexOf("  ") < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        boolean indent = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                indent = true;
                sb.append(c);
            } else if (!isBlank(c)) {
                indent = false;
                sb.append(c);
            } else if (indent || sb.charAt(sb.length() - 1) != ' ' && sb.charAt(sb.length() - 1) != '\t') {
                sb.append(indent ? c : ' ');
            }
        }
        return sb.toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static String stripped(String s, int from) {
        int to = s.length();
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static String stripDsnPrefix(String s) {
        if (s.regionMatches(true, 0, DSN_FIELD, 0, DSN_FIELD.length())) {
            int semi = s.indexOf(';');
            int start = DSN_FIELD.length();
            // the type token ("smtp", "X-Postfix") is a short word before ';'
            if (semi > 0 && semi - start < 20 && s.substring(start, semi).strip().chars().allMatch(ch -> ch == '-' || Character.isLetterOrDigit(ch))) {
                return s.substring(semi + 1).strip();
            }
            return s.substring(start).strip();
        }
        return s;
    }

    /**
     * Exchange quotes the remote server inside a wrapper of its own: {@code #< #5.0.0 smtp; 550 5.1.1 User
     * unknown> #SMTP#} (2007 and later) or {@code <mx.example.org #5.1.1 smtp;550 5.1.1 User unknown>} (2003).
     * The word before the ';' is the kind of diagnostic ("smtp", or a gateway's product name such as
     * "X-Spam-&-Virus-Firewall"), not the server's words: only what follows it is kept, with the wrapper's
     * status in front when the quoted text carries none. Anything else is returned as it is.
     */
    static String unwrapExchange(String s) {
        boolean hashed = s.startsWith("#<");
        int i;
        if (hashed) {
            i = 2;
        } else if (s.startsWith("<")) {
            i = s.indexOf(' '); // "<host #status type;text>": a host name, then the status
            if (i < 2 || s.lastIndexOf('>') != s.length() - 1) {
                return s;
            }
        } else {
            return s;
        }
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '#') {
            return s;
        }
        int statusEnd = statusEnd(s, i + 1);
        int semi = statusEnd < 0 ? -1 : s.indexOf(';', statusEnd);
        if (semi < 0 || semi - statusEnd > 41 || s.substring(statusEnd, semi).strip().chars().anyMatch(ch -> ch <= ' ')) {
            return s;
        }
        int end = s.length();
        if (hashed && end - semi > 6 && s.regionMatches(true, end - 6, "#SMTP#", 0, 6)) {
            end -= 6;
        }
        while (end > semi + 1 && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > semi + 1 && s.charAt(end - 1) == '>') {
            end--;
        }
        String quoted = s.substring(semi + 1, end).strip();
        return findStatus(List.of(quoted), null) != null ? quoted : s.substring(i + 1, statusEnd) + ' ' + quoted;
    }

    /**
     * The text in Unicode's composed form (NFC), without zero-width spaces, with no-break spaces as plain
     * ones: a server, a translation or a copy may write "য়" as one character or as "য" and a combining nukta,
     * "が" as one or as "か" and a combining sound mark, Khmer or Thai words with or without an invisible space
     * between them, and a text taken from a web page or an HTML report with no-break spaces (U+00A0, U+2007,
     * U+202F, which Java does not count as white space); the rules, written one way, must read every way. Text
     * with none of these comes back as it is.
     */
    public static String composed(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= '\u00a0') {
                return composedFrom(s, i);
            }
        }
        return s;
    }

    // the text from the first character beyond ASCII and Latin-1's controls on: composed if it has one from
    // U+0300 on, its zero-width spaces left out and its no-break spaces plain
    private static String composedFrom(String s, int from) {
        int first = -1;
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= '\u0300') {
                return plainSpaces(composedHead(s), first < 0 ? i : first);
            }
            if (c == '\u00a0' && first < 0) {
                first = i;
            }
        }
        return first < 0 ? s : plainSpaces(s, first);
    }

    // the JDK's normalizer takes some 50 ns a character even to find text composed already: the first
    // COMPOSED_PREFIX characters are composed, what a reply says, and a megabyte of hostile marks costs at
    // most that much (the cut moves past combining marks and surrogates, never between a letter and its mark)
    private static String composedHead(String s) {
        int cut = s.length();
        if (cut > COMPOSED_PREFIX) {
            cut = COMPOSED_PREFIX;
            while (cut < s.length() && cut < COMPOSED_PREFIX + 64 && continuesCharacter(s.charAt(cut))) {
                cut++;
            }
        }
        String head = cut == s.length() ? s : s.substring(0, cut);
        if (Normalizer.isNormalized(head, Normalizer.Form.NFC)) {
            return s;
        }
        String composedHead = Normalizer.normalize(head, Normalizer.Form.NFC);
        return cut == s.length() ? composedHead : composedHead + s.substring(cut);
    }

    static final int COMPOSED_PREFIX = 16_384;

    private static boolean continuesCharacter(char c) {
        int type = Character.getType(c);
        return Character.isLowSurrogate(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    // U+200B zero width space, U+2060 word joiner, U+FEFF zero width no-break space: a hint where a line may
    // break, never a letter or a space a reader sees (joiners that shape letters, U+200C and U+200D, stay); and
    // the no-break spaces, which a reader sees as spaces
    private static String plainSpaces(String s, int from) {
        StringBuilder kept = null;
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            boolean zeroWidth = c == '\u200B' || c == '\u2060' || c == '\uFEFF';
            boolean noBreak = c == '\u00a0' || c == '\u2007' || c == '\u202f';
            if ((zeroWidth || noBreak) && kept == null) {
                kept = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (kept != null && !zeroWidth) {
                kept.append(noBreak ? ' ' : c);
            }
        }
        return kept == null ? s : kept.toString();
    }

    private static boolean isOneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }

    private static List<String> oneLine(String s) {
        return s.isBlank() ? List.of() : List.of(s);
    }

    private static List<String> splitLines(String s) {
        if (isOneLine(s)) {
            return oneLine(s); // a one-line reply, the usual case
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            out.add(s.substring(start));
        }
        out.removeIf(String::isBlank);
        return out;
    }

    /**
     * Postfix writes each recipient's paragraph of a bounce as one line ("&lt;bob@example.org&gt;: host
     * mx.example.org[192.0.2.1] said: 550 …"), wrapped at about 76 columns, every continuation indented. The wrap
     * falls anywhere: inside a phrase ("550 Mailbox" / "unavailable or access denied"), inside the stage ("(in
     * reply" / "to end of DATA command)"), after a colon ("IP:"). Such a paragraph is read as the one line it is.
     */
    static List<String> unfoldRecipientParagraphs(List<String> lines) {
        List<String> out = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int j = i + 1;
            if (isRecipientLine(line)) {
                while (j < lines.size() && isIndented(lines.get(j))) {
                    j++;
                }
            }
            if (j == i + 1) {
                if (out != null) {
                    out.add(line);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(lines.subList(0, i));
            }
            StringBuilder joined = new StringBuilder(line.stripTrailing());
            for (int k = i + 1; k < j; k++) {
                joined.append(' ').append(lines.get(k).strip());
            }
            out.add(joined.toString());
            i = j - 1;
        }
        return out == null ? lines : out;
    }

    // Postfix's "<bob@example.org>: …" or "<bob@example.org> (expanded from <team@example.org>): …", unindented
    private static boolean isRecipientLine(String line) {
        if (!line.startsWith("<")) {
            return false;
        }
        int close = line.indexOf('>');
        if (close < 2 || close + 1 >= line.length()) {
            return false;
        }
        return line.charAt(close + 1) == ':' || line.startsWith(" (expanded from <", close + 1);
    }

    private static boolean isIndented(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    private static List<String> dropEmpty(List<String> lines) {
        lines.removeIf(String::isEmpty);
        return lines;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
