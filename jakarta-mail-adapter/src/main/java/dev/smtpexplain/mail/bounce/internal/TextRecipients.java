package dev.smtpexplain.mail.bounce.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generic reading of a bounce's human-readable text, for formats no recognizer knows and to
 * complete DSNs: which addresses the text is about, and for each the stretch of text that speaks of it
 * (up to the next recipient), with the server's reply inside it.
 *
 * <p>An address counts as a recipient when it stands out the way every MTA lists failed recipients: at
 * the start of a line ({@code <bob@example.com>:}, {@code   bob@example.com}, {@code * bob@…}) or right after
 * a short label ({@code Unknown user: bob@…}, {@code Could not be delivered to: <bob@…>}). The sender's own
 * addresses and the mail system's (postmaster, MAILER-DAEMON) are not recipients.
 */
final class TextRecipients {

    /** One recipient found in the text, the text about it, and its reply within that text (may be empty). */
    record Found(String address, String block, String reply) {
    }

    // a reply code (with or without an enhanced status, "550 - Requested action…" too) where an MTA quotes one,
    // also at the end of a line Postfix folded right after it ("said: 550\n    5.1.1 <bob@…>: …", its words only) and before
    // a provider's own reason number ("554 30 Sorry, …"); failing that, a bare enhanced status
    private static final Pattern REPLY = Pattern.compile(
            "(?<![\\w.#-])([245][0-9][0-9])(?:[ -]+[245]\\.[0-9]{1,3}\\.[0-9]{1,3}|[ -](?=[A-Za-z<\\[({\"'])| - (?=[A-Za-z])"
            + "|(?<=said: [45][0-9][0-9])\\r?\\n[ \\t]+(?=\\S)|(?<=[45][0-9][0-9]) (?=[0-9]{1,3}(?: |\\r?\\n[ \\t]+)[A-Za-z])"
            // Yahoo's "554: delivery error: dd Not a valid recipient": the code at a line's start, a colon after it
            + "|(?<=(?:^|\\n)[ \\t]{0,8}[45][0-9][0-9]):(?= [A-Za-z])|$)");
    private static final Pattern STATUS = Pattern.compile("(?<![\\w.#])[245]\\.[0-9]{1,3}\\.[0-9]{1,3}(?![\\w.])");

    private static final Set<String> SYSTEM_LOCAL_PARTS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon",
            "no-reply", "noreply", "abuse", "root", "daemon");

    private static final Set<String> SENDER_LABELS = Set.of("from", "sender", "mail from", "reply-to", "return-path",
            "envelope-from", "sent by", "x-sender", "x-postfix-sender", "sender address", "送信者", "差出人");

    // mentions looked at: bounds the work on a text made of nothing but addresses
    private static final int MAX_MENTIONS = 1000;
    // later mentions of a recipient whose reply is still unknown read for it (a session transcript, a second language)
    private static final int MAX_READS = 8;

    private TextRecipients() {
    }

    static List<Found> find(List<String> lines, Set<String> senders, int maxRecipients, int maxChars) {
        // every address in the text, with its line, whether it is prominent there, and whether it is the sender's
        List<int[]> prominent = new ArrayList<>();      // {line, start, end}
        List<String> prominentAddr = new ArrayList<>();
        List<int[]> other = new ArrayList<>();
        List<String> otherAddr = new ArrayList<>();
        for (int i = 0; i < lines.size() && prominent.size() + other.size() < MAX_MENTIONS; i++) {
            String line = lines.get(i);
            if (line.indexOf('@') < 0) {
                continue;
            }
            int prevEnd = -1;
            boolean listKnown = false;
            String listLabel = null;
            for (Addresses.Found found : Addresses.find(line)) {
                Addresses.Found f = withoutReplyCode(line, found);
                // "Intended Recipients: jo@…, kim@…": an address that continues a comma-separated list has the list's label
                boolean continues = listKnown && continuesList(line, prevEnd, f.start());
                prevEnd = f.end();
                if (senders.contains(f.address()) || isSystem(f.address())) {
                    listKnown = continues; // the sender's own address in a list does not end it; its label is not looked for
                    continue;
                }
                String label = continues ? listLabel : label(line, f.start());
                listLabel = label;
                listKnown = true;
                if (label != null && (SENDER_LABELS.contains(label) || namesMessageId(label) || namesAlias(label))) {
                    continue;
                }
                if (label != null && !label.equals("to") && !label.equals("cc")) {
                    prominent.add(new int[] {i, f.start(), f.end()});
                    prominentAddr.add(f.address());
                } else {
                    other.add(new int[] {i, f.start(), f.end()});
                    otherAddr.add(f.address());
                }
            }
        }
        // the recipients are the prominent addresses (all of them when none is); each one's text starts at its
        // first mention of any kind ("did not like our RCPT TO:" may come before Sendmail's "550 <bob@…>… " line)
        java.util.Set<String> recipients = new java.util.HashSet<>(prominent.isEmpty() ? otherAddr : prominentAddr);
        List<int[]> pos = new ArrayList<>();
        List<String> addr = new ArrayList<>();
        int p = 0;
        int o = 0;
        while (p < prominent.size() || o < other.size()) {
            boolean takeP = o >= other.size() || p < prominent.size() && before(prominent.get(p), other.get(o));
            int[] at = takeP ? prominent.get(p) : other.get(o);
            String a = takeP ? prominentAddr.get(p++) : otherAddr.get(o++);
            if (recipients.contains(a)) {
                pos.add(at);
                addr.add(a);
            }
        }
        // blocks: from an address to the next line that names a different recipient
        Map<String, Found> out = new LinkedHashMap<>();
        Map<String, Integer> mentionsRead = new HashMap<>();
        for (int k = 0; k < pos.size(); k++) {
            String a = addr.get(k);
            int line = pos.get(k)[0];
            Found known = out.get(a);
            int reads = known == null ? 0 : mentionsRead.merge(a, 1, Integer::sum);
            if (known != null && (!known.reply().isEmpty() || reads > MAX_READS || k > 0 && addr.get(k - 1).equals(a)
                    && pos.get(k - 1)[0] == line)) {
                // a recipient whose reply is known, or named again on the same line, whose text the first mention's
                // block holds already, or read often enough: reading it again would only cost time (a text of one
                // address repeated)
                continue;
            }
            int endLine = lines.size();
            for (int j = k + 1; j < pos.size(); j++) {
                if (!addr.get(j).equals(a) && pos.get(j)[0] > line) {
                    endLine = pos.get(j)[0];
                    break;
                }
            }
            String block = block(lines, line, pos.get(k)[1], pos.get(k)[2], endLine, maxChars);
            String reply = reply(block, maxChars);
            if (known == null) {
                if (out.size() >= maxRecipients) {
                    break;
                }
                out.put(a, new Found(a, block, reply));
            } else if (!reply.isEmpty()) {
                // a later mention (a session transcript, a second language) has the reply the first lacked; the text
                // between them (">>> RCPT To:<bob@…>") still says which command failed
                String joined = known.block() + "\n" + block;
                out.put(a, new Found(a, joined.length() > maxChars ? joined.substring(0, maxChars) : joined, reply));
            }
        }
        if (!pos.isEmpty()) {
            // "Could not be delivered because of / 550 5.1.1 User unknown / The following recipients were affected:":
            // a reply stated once before the list of recipients is theirs when their own lines say nothing
            String lead = failureReply(lines, pos.get(0)[0], maxChars);
            if (!lead.isEmpty()) {
                out.replaceAll((a, f) -> f.reply().isEmpty() ? new Found(a, f.block(), lead) : f);
            }
            shareTrailingReply(out, pos, addr);
        }
        return List.copyOf(out.values());
    }

    /**
     * "Delivery failed for: / - a / - b / Destination host responded: / 550 …" (slimta, masqmail): recipients listed on
     * consecutive lines, then one reply after the list, which the generic blocks give to the last of them only. The
     * reply is the whole list's when the earlier ones have none of their own and it names none of the list's addresses
     * (a reply that names one is that recipient's).
     */
    private static void shareTrailingReply(Map<String, Found> out, List<int[]> pos, List<String> addr) {
        // each recipient's first line, in the order of the found recipients
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (int k = 0; k < pos.size(); k++) {
            if (out.containsKey(addr.get(k))) {
                firstLine.putIfAbsent(addr.get(k), pos.get(k)[0]);
            }
        }
        List<String> run = new ArrayList<>();
        int prevLine = -2;
        for (Map.Entry<String, Integer> e : firstLine.entrySet()) {
            if (e.getValue() != prevLine + 1) {
                shareInRun(out, run);
                run.clear();
            }
            run.add(e.getKey());
            prevLine = e.getValue();
        }
        shareInRun(out, run);
    }

    private static void shareInRun(Map<String, Found> out, List<String> run) {
        if (run.size() < 2) {
            return;
        }
        String reply = out.get(run.get(run.size() - 1)).reply();
        if (reply.isEmpty()) {
            return;
        }
        String lower = reply.toLowerCase(Locale.ROOT);
        for (String a : run) {
            if (lower.contains(a.toLowerCase(Locale.ROOT))) {
                return;
            }
        }
        for (int i = 0; i < run.size() - 1; i++) {
            if (!out.get(run.get(i)).reply().isEmpty()) {
                return;
            }
        }
        // with the reply, the lines around it that name the host and the stage ("SMTP error … after end of data:")
        String shared = out.get(run.get(run.size() - 1)).block();
        for (int i = 0; i < run.size() - 1; i++) {
            Found f = out.get(run.get(i));
            out.put(run.get(i), new Found(f.address(), f.block() + "\n" + shared, reply));
        }
    }

    /** The first 4xx or 5xx reply in the lines before {@code endLine}, to the end of its paragraph; empty when none. */
    private static String failureReply(List<String> lines, int endLine, int maxChars) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < endLine && text.length() < 4 * maxChars; i++) {
            text.append(lines.get(i)).append('\n');
        }
        Matcher m = REPLY.matcher(text);
        while (m.find()) {
            if (m.group(1).charAt(0) != '2') {
                String r = paragraphFrom(text.toString(), m.start()).strip();
                return r.length() > maxChars ? r.substring(0, maxChars) : r;
            }
        }
        return "";
    }

    /**
     * A multi-line reply's continuation code glued to the address it starts with ("550-bob@example.com is not an active
     * address", a wrapped "553-you …"): the code and its hyphen are no part of the address, which starts after them.
     */
    private static Addresses.Found withoutReplyCode(String line, Addresses.Found f) {
        String a = f.address();
        if (a.length() > 5 && a.charAt(3) == '-' && "245".indexOf(a.charAt(0)) >= 0 && Character.isDigit(a.charAt(1))
                && Character.isDigit(a.charAt(2)) && a.indexOf('@') > 4
                && (f.start() == 0 || Character.isWhitespace(line.charAt(f.start() - 1)) || line.charAt(f.start() - 1) == ':')) {
            return new Addresses.Found(f.start() + 4, f.end(), a.substring(4));
        }
        return f;
    }

    private static boolean before(int[] x, int[] y) {
        return x[0] < y[0] || x[0] == y[0] && x[1] < y[1];
    }

    /** Line-start or short-label prominence: returns the label (lower case, may be empty), or null when not prominent. */
    static String label(String line, int start) {
        int i = 0;
        while (i < start && " \t<\"'*-•>([".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        if (i == start) {
            return "";
        }
        if (isReplyCodePrefix(line, i, start)) {
            return ""; // Sendmail's "554 <bob@example.com>... Host unknown"
        }
        // "Label: <address>" with a short label
        int j = start - 1;
        while (j >= 0 && " \t<\"'(".indexOf(line.charAt(j)) >= 0) {
            j--;
        }
        if (j >= 4 && line.charAt(j) == '=' && line.regionMatches(true, j - 4, "smtp", 0, 4)) {
            j -= 5; // Exchange's "…;dda:SMTP=bob@example.com;": the type belongs to the address
        }
        if (j < 0 || line.charAt(j) != ':' && line.charAt(j) != '：') {
            return null;
        }
        String label = line.substring(0, j).strip().toLowerCase(Locale.ROOT);
        if (label.length() > 40) {
            return null;
        }
        return label;
    }

    /**
     * Whether a label introduces the address a failed one was expanded from (sendmail's "(expanded from:
     * &lt;Alias@…&gt;)" under the failed address, PMDF's and Oracle Messaging Server's "Original address:" under
     * "Recipient address:"): that is the address the sender wrote, not a second failed recipient, and the reason
     * that follows it is the failed one's.
     */
    private static boolean namesAlias(String label) {
        String l = label.startsWith("(") ? label.substring(1).strip() : label;
        return l.equals("expanded from") || l.equals("ultimately generated from") || l.equals("generated from")
                || l.equals("original address");
    }

    /** Whether a label names a message's identifier ("Message-ID:", Postal's "Orginal Message ID:"): what follows is no address. */
    private static boolean namesMessageId(String label) {
        return label.endsWith("message id") || label.endsWith("message-id") || label.endsWith("msgid") || label.endsWith("msg-id")
                || label.equals("references") || label.equals("in-reply-to");
    }

    /** Whether {@code line[from, to)}, between two addresses, is a list separator: a comma or semicolon, spaces, brackets, quotes. */
    private static boolean continuesList(String line, int from, int to) {
        boolean comma = false;
        for (int k = from; k < to; k++) {
            char c = line.charAt(k);
            if (c == ',' || c == ';') {
                comma = true;
            } else if (" \t<>\"'".indexOf(c) < 0) {
                return false;
            }
        }
        return comma;
    }

    /** Whether {@code line[from, to)} is a reply code, maybe with an enhanced status, then spaces and a bracket. */
    private static boolean isReplyCodePrefix(String line, int from, int to) {
        int k = from;
        int digits = 0;
        while (k < to && Character.isDigit(line.charAt(k)) && digits < 4) {
            k++;
            digits++;
        }
        if (digits != 3 || "245".indexOf(line.charAt(from)) < 0) {
            return false;
        }
        while (k < to && (line.charAt(k) == ' ' || line.charAt(k) == '-' || line.charAt(k) == '.' || Character.isDigit(line.charAt(k)))) {
            k++;
        }
        while (k < to && line.charAt(k) == '<') {
            k++;
        }
        return k == to;
    }

    private static boolean isSystem(String address) {
        int at = address.indexOf('@');
        return SYSTEM_LOCAL_PARTS.contains(address.substring(0, at));
    }

    /**
     * The address's line and what follows up to the end of the block ("Unknown user: bob@…", "Could not
     * be delivered to: <bob@…>\n As their mailbox is full"), or the paragraph before it when the line
     * holds nothing but the address ("The user(s) account is disabled.\n<bob@…>").
     */
    private static String block(List<String> lines, int line, int addrStart, int addrEnd, int endLine, int maxChars) {
        StringBuilder sb = new StringBuilder();
        String first = lines.get(line);
        String before = first.substring(0, Math.min(addrStart, first.length()));
        int keep = before.length();
        while (keep > 0 && " \t<>:\"'*-".indexOf(before.charAt(keep - 1)) >= 0) {
            keep--;
        }
        int rest = Math.min(addrEnd, first.length());
        while (rest < first.length() && " \t>:\"')]".indexOf(first.charAt(rest)) >= 0) {
            rest++; // the rest of "<bob@example.com>: " before the words
        }
        sb.append(before, 0, keep).append(' ').append(first, rest, Math.min(first.length(), rest + maxChars));
        for (int i = line + 1; i < endLine && sb.length() < maxChars; i++) {
            sb.append('\n').append(lines.get(i));
        }
        if (onlyPunctuation(sb)) {
            // the paragraph before the address (past the blank lines between them)
            int last = line;
            while (last > 0 && lines.get(last - 1).isBlank() && line - last < 3) {
                last--;
            }
            int from = last;
            while (from > 0 && !lines.get(from - 1).isBlank() && last - from < 20) {
                from--;
            }
            sb.setLength(0);
            for (int i = from; i < last; i++) {
                sb.append(lines.get(i)).append('\n');
            }
        }
        String b = sb.toString().strip();
        return b.length() > maxChars ? b.substring(0, maxChars) : b;
    }

    private static boolean onlyPunctuation(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && ">:.][)(\"'*-".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The remote server's reply an MTA's sentence quotes ("host mx.example.com[192.0.2.7] said: 550 …", as Postfix
     * writes it in a text and in an {@code X-Postfix} diagnostic), from its code on; empty when the text quotes none.
     */
    static String saidReply(String text, int maxChars) {
        int said = text.indexOf(" said: ");
        if (said < 0 || said > 300) {
            return "";
        }
        String rest = text.substring(said + 7);
        Matcher m = REPLY.matcher(rest);
        return m.lookingAt() && m.group(1).charAt(0) != '2' ? reply(rest, maxChars) : "";
    }

    /**
     * From the first failure reply code in a block to the end of its paragraph (a session transcript's greeting and
     * "250 Sender ok" before it are not the failure; a 2xx is taken only when the block has nothing else); failing a code
     * in front, one written after the words ("… mailbox unavailable. [SMTP Error Code 550]"); failing that, a bare
     * enhanced status; empty when there is none.
     */
    static String reply(String block, int maxChars) {
        Matcher hashed = HASHED_REPLY.matcher(block);
        if (hashed.find()) {
            // Exchange 2007's "mx1.example.org #552 5.2.2 mailbox over quota ##": the reply between the marks
            String r = hashed.group(1).strip();
            return r.length() > maxChars ? r.substring(0, maxChars) : r;
        }
        Matcher m = REPLY.matcher(block);
        int at = -1;
        while (m.find()) {
            if (at < 0) {
                at = m.start();
            }
            if (m.group(1).charAt(0) != '2') {
                at = m.start();
                if (isBare(block, at)) {
                    // a code and status with no words (Microsoft's "Status code: 550 5.1.10" above its "Error: 550
                    // 5.1.10 RESOLVER.ADR.RecipientNotFound; …"): the same reply with its words, if the block quotes
                    // it further on, says more
                    String code = m.group(1);
                    while (m.find()) {
                        if (m.group(1).equals(code) && !isBare(block, m.start())) {
                            at = m.start();
                            break;
                        }
                    }
                }
                break;
            }
        }
        if (at < 0) {
            String trailing = trailingCode(block);
            if (!trailing.isEmpty()) {
                return trailing.length() > maxChars ? trailing.substring(0, maxChars) : trailing;
            }
            m = STATUS.matcher(block);
            if (!m.find()) {
                return "";
            }
            at = m.start();
        }
        String r = withoutNoticeLines(paragraphFrom(block, at));
        if (inReasonParenthesis(block, at)) {
            r = toClosingParenthesis(r);
        }
        if (r.endsWith(">") && count(r, '>') > count(r, '<')) {
            // Exchange 2003's "<mx.example.org #5.1.1 smtp;550 5.1.1 <bob@…>... User unknown>": the wrapper's '>'
            r = r.substring(0, r.length() - 1).stripTrailing();
        }
        r = agentLine(block, at) + r;
        return r.length() > maxChars ? r.substring(0, maxChars) : r;
    }

    // whether the reply at `at` is a code and status without words on its line, nor on a folded line after it; reads
    // that line and the next, so that a block of many bare codes stays linear
    private static boolean isBare(String block, int at) {
        int n = block.length();
        int i = at + 3;
        while (i < n && block.charAt(i) != '\n' && block.charAt(i) != '\r') {
            char c = block.charAt(i);
            if (!(c == ' ' || c == '-' || c == '.' || c == '\t' || Character.isDigit(c))) {
                return false;
            }
            i++;
        }
        int next = i < n && block.charAt(i) == '\r' && i + 1 < n && block.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        if (next >= n || !(block.charAt(next) == ' ' || block.charAt(next) == '\t')) {
            return true;
        }
        int end = block.indexOf('\n', next);
        String folded = block.substring(next, end < 0 ? n : end).strip();
        return folded.isEmpty() || REPLY_LINE.matcher(folded).lookingAt();
    }

    /** Sendmail's "554 <bob@…>... Service unavailable" after its local delivery agent's own complaint. */
    private static final Pattern SENDMAIL_LINE = Pattern.compile("[45][0-9]{2} <?[^\\s<>@]+@[^\\s<>]+>?\\.\\.\\. .*");
    private static final Pattern AGENT_LINE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)?: \\S.*");

    /**
     * The line of a local delivery agent ("mail.local: /var/mail/bob: Disc quota exceeded", "procmail: …") right before
     * Sendmail's reply line at {@code at}, with its line break; empty when there is none. Sendmail's own reply there
     * is a generic "Service unavailable"; the agent's line says why.
     */
    private static String agentLine(String block, int at) {
        if (at == 0 || block.charAt(at - 1) != '\n') {
            return "";
        }
        int lineEnd = block.indexOf('\n', at);
        if (!SENDMAIL_LINE.matcher(block.substring(at, lineEnd < 0 ? block.length() : lineEnd)).matches()) {
            return "";
        }
        int prevStart = block.lastIndexOf('\n', at - 2) + 1;
        String prev = block.substring(prevStart, at - 1).strip();
        return AGENT_LINE.matcher(prev).matches() ? prev + "\n" : "";
    }

    /** Whether the reply at {@code at} stands inside sendmail's "(reason: 552 5.2.2 Over quota)". */
    private static boolean inReasonParenthesis(String block, int at) {
        int k = at - 1;
        while (k >= 0 && block.charAt(k) == ' ') {
            k--;
        }
        return k >= 7 && block.regionMatches(true, k - 6, "reason:", 0, 7) && block.charAt(k - 7) == '(';
    }

    /** The reply up to the parenthesis that closes the one it was opened in ("553 … (SPF) fail)" keeps its own pair). */
    private static String toClosingParenthesis(String r) {
        int depth = 1;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return r.substring(0, i).strip();
            }
        }
        return r;
    }

    // a reply code written after the reply's words, in brackets: E500's "[SMTP Error Code 550]", "(SMTP error 550)"
    private static final Pattern TRAILING_CODE = Pattern.compile(
            "[\\[(]\\s*smtp\\s+error(?:\\s+code)?:?\\s*([45][0-9][0-9])\\s*[\\])]", Pattern.CASE_INSENSITIVE);

    /** "Words [SMTP Error Code 550]" as the reply "550 Words"; empty when the block has no such code. */
    private static String trailingCode(String block) {
        Matcher t = TRAILING_CODE.matcher(block);
        if (!t.find()) {
            return "";
        }
        int lineStart = block.lastIndexOf('\n', t.start()) + 1;
        String words = block.substring(lineStart, t.start()).strip();
        return words.isEmpty() ? t.group(1) : t.group(1) + " " + words;
    }

    /** From a reply's code at {@code start} to the end of its paragraph, a fold right after the code joined. */
    // the reply with its code and status between a space and '#' and the "##" that ends it (Exchange 2007's plain notice)
    private static final Pattern HASHED_REPLY = Pattern.compile("(?m)(?<=[ \\t])#([45][0-9][0-9] [45]\\.[0-9]{1,3}\\.[0-9]{1,3}[^\\n#]*)##");

    // the reporting MTA's own words on the lines after the reply it quotes: qmail's "Giving up on 192.0.2.10.", an
    // MDaemon transcript's "--> QUIT" and "--- End Transcript ---"
    private static final String[] NOTICE_LINES = {"giving up on ", "--> quit", "--- end transcript", "--- end of transcript"};

    // an MDaemon transcript's next line, joined to the reply where the transcript is indented: its time stamp and arrow
    private static final Pattern TRANSCRIPT_STAMP = Pattern.compile(
            " " + Stages.TIME_STAMP_PATTERN + "(?:-->|<--|\\*) | --- End (?:of )?Transcript");

    /** The reply without the notice's own lines that follow it. */
    private static String withoutNoticeLines(String r) {
        Matcher transcript = TRANSCRIPT_STAMP.matcher(r);
        if (transcript.find(3)) {
            r = r.substring(0, transcript.start()).stripTrailing();
        }
        for (int nl = r.indexOf('\n'); nl >= 0; nl = r.indexOf('\n', nl + 1)) {
            // the next line's first 80 characters: enough for a time stamp and the words, and linear in the reply
            int end = r.indexOf('\n', nl + 1);
            String next = r.substring(nl + 1, Math.min(end < 0 ? r.length() : end, nl + 81)).stripLeading().toLowerCase(java.util.Locale.ROOT);
            // past an MDaemon transcript line's time stamp ("Tue 2025-03-04 09:58:13.391: --> QUIT")
            int stamp = next.indexOf(": --> ");
            String line = stamp > 0 && stamp < 40 ? next.substring(stamp + 2) : next;
            for (String p : NOTICE_LINES) {
                if (line.startsWith(p)) {
                    return r.substring(0, nl).stripTrailing();
                }
            }
        }
        return r;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    private static String paragraphFrom(String text, int start) {
        int end = text.indexOf("\n\n", start);
        String r = text.substring(start, end < 0 ? text.length() : end);
        int codeEnd = 3;
        if (r.length() > codeEnd + 1 && r.charAt(codeEnd) == ':' && r.charAt(codeEnd + 1) == ' ') {
            r = r.substring(0, codeEnd) + r.substring(codeEnd + 1); // "554: delivery error" as "554 delivery error"
        }
        if (r.length() > codeEnd && (r.charAt(codeEnd) == '\n' || r.charAt(codeEnd) == '\r')) {
            // the fold after the code: the reply goes on after the next line's indentation
            int k = codeEnd;
            while (k < r.length() && Character.isWhitespace(r.charAt(k))) {
                k++;
            }
            r = r.substring(0, codeEnd) + " " + r.substring(k);
        }
        return unfold(r);
    }

    /**
     * The reply with its folded lines joined: Postfix wraps a recipient's paragraph at about 76 columns and indents
     * each continuation, the wrap falling inside a phrase ("550 Mailbox" / "unavailable"), after a colon ("IP:") or
     * inside the stage ("(in reply" / "to RCPT TO command)"). An indented line that starts with a reply code (Exim's
     * "    550-5.1.1 …") is a line of its own.
     */
    static String unfold(String r) {
        if (r.indexOf('\n') < 0) {
            return r;
        }
        String[] lines = r.split("\r?\n", -1);
        StringBuilder sb = new StringBuilder(r.length());
        sb.append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            boolean folded = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !stripped.isEmpty()
                    && !REPLY_LINE.matcher(stripped).lookingAt();
            sb.append(folded ? " " : "\n").append(folded ? stripped : line);
        }
        return sb.toString();
    }

    private static final Pattern REPLY_LINE = Pattern.compile("[2-5][0-9]{2}(?:[ -]|$)");
}
