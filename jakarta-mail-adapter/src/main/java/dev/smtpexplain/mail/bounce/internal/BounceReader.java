package dev.smtpexplain.mail.bounce.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.EnhancedStatus;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.mail.SmtpStage;
import dev.smtpexplain.mail.bounce.BounceKind;
import dev.smtpexplain.mail.bounce.BounceRecipient;
import dev.smtpexplain.mail.bounce.BounceReport;
import jakarta.mail.internet.InternetHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one message into a {@link BounceReport}: MIME walk, then the delivery-status fields (RFC 3464,
 * RFC 6533), a feedback report (RFC 5965), an MTA's own format or the generic reading of the text, an
 * auto-reply (RFC 3834), or nothing. Each failed recipient is diagnosed from its own status and reply
 * only, never from the returned original. Thread-safe; never throws for any input.
 */
public final class BounceReader {

    /** Bytes of a message's own header block read at most (real ones are a few kB). */
    static final int MAX_HEADER_BYTES = 256 * 1024;
    private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");

    // what core gives a text with no code, no status and no rule it knows
    private static final Evidence NO_CAUSE = new Evidence(Evidence.Source.NONE, "none");
    private static final double NO_CAUSE_CONFIDENCE = 0.1;
    /** The field Hotmail's non-ARF complaints add to the reported message: the address of the user who reported it. */
    private static final String JMRP_RECIPIENT = "X-HmXmrOriginalRecipient";
    private static final Pattern REPLY_IN_STATUS = Pattern.compile("[245][0-9][0-9][ -]+\\p{Alpha}");

    private final Diagnoser diagnoser;
    // the same rules without the words, for a notice's prose: there a rule's reading counts, the words' does not
    private final Diagnoser rulesOnly;
    private final Explainer explainer;
    private final Limits limits;

    public BounceReader(Diagnoser diagnoser, Explainer explainer, Limits limits) {
        this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser");
        this.rulesOnly = diagnoser.withoutWordModel();
        this.explainer = Objects.requireNonNull(explainer, "explainer");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public Limits limits() {
        return limits;
    }

    /**
     * A message whose lines end with CR alone (the old Mac convention, which a mail program may still write to a file)
     * as one whose lines end with LF, as Jakarta Mail's own parser reads it; any other message as it is.
     */
    static byte[] withLineFeeds(byte[] bytes) {
        boolean cr = false;
        for (byte b : bytes) {
            if (b == '\n') {
                return bytes;
            }
            cr |= b == '\r';
        }
        if (!cr) {
            return bytes;
        }
        byte[] lf = bytes.clone();
        for (int i = 0; i < lf.length; i++) {
            if (lf[i] == '\r') {
                lf[i] = '\n';
            }
        }
        return lf;
    }

    /** Reads a message from its bytes; {@code truncated} says the bytes stop at the size cap. */
    public BounceReport read(byte[] bytes, boolean truncated, Locale locale) {
        return read(bytes, truncated, locale, 0);
    }

    /** {@code depth} 1 and 2 read bounces carried in bounces, which are not followed further. */
    private BounceReport read(byte[] raw, boolean truncated, Locale locale, int depth) {
        Objects.requireNonNull(locale, "locale");
        if (raw.length == 0 || isBlank(raw)) {
            return unreadable("the message is empty", locale);
        }
        byte[] bytes = withLineFeeds(raw);
        try {
            InternetHeaders top = new InternetHeaders();
            int start = headerStart(bytes);
            // text that does not begin with a header field is a body alone (a bounce's text, copied): no header block
            int body = startsWithField(bytes, start) ? RawMime.headers(bytes, start, bytes.length, MAX_HEADER_BYTES, top) : start;
            String headerProblem = null;
            if (body == bytes.length && bytes.length > MAX_HEADER_BYTES) {
                // a header block that never ends: what fits is read, nothing after it
                headerProblem = "the header block is longer than " + MAX_HEADER_BYTES + " bytes; the rest was not read";
            }
            if (!top.getAllHeaders().hasMoreElements() && !looksLikeText(bytes)) {
                return unreadable("the message has no header block and is not text", locale);
            }
            BounceReport r = read(top, bytes, body, locale, depth);
            if (headerProblem != null) {
                return withProblem(r, headerProblem);
            }
            if (truncated && (r.problem().isEmpty() || r.problem().get().endsWith(Sections.TEXT_CUT))) {
                // the message cut at the size cap says more than its text cut at the text cap, which follows from it
                return withProblem(r, "only the first " + limits.maxMessageBytes() + " bytes were read");
            }
            return r;
        } catch (RuntimeException e) {
            return unreadable("the message is not readable as Internet mail (" + e.getClass().getSimpleName() + ")", locale);
        }
    }

    private BounceReport read(InternetHeaders topHeaders, byte[] bytes, int bodyStart, Locale locale, int depth) {
        Headers top = Headers.of(topHeaders);
        Sections s = new MimeWalk(limits).walk(topHeaders, bytes, bodyStart, bytes.length);
        String texts = String.join("\n", s.texts);
        if (texts.length() > limits.maxTextChars()) {
            s.problem("the text is longer than " + limits.maxTextChars() + " characters and " + Sections.TEXT_CUT);
        }
        ReadableText.Split split = ReadableText.split(texts, limits.maxTextChars());
        Headers original = s.originalHeaders != null ? Headers.parse(s.originalHeaders)
                : split.originalHeaderLines().isEmpty() ? Headers.empty() : Headers.parse(split.originalHeaderLines());

        Set<String> senders = new HashSet<>();
        // the notice's own sender is the system that reports (a list's "-owner" address its contact), never a recipient
        senders.addAll(top.addresses("From"));
        senders.addAll(top.addresses("To"));
        senders.addAll(top.addresses("Return-Path"));
        senders.addAll(original.addresses("From"));
        senders.addAll(original.addresses("Return-Path"));
        senders.addAll(original.addresses("Sender"));
        Set<String> notSenders = new LinkedHashSet<>(top.addresses("X-Failed-Recipients")); // in the order the field names them
        senders.removeAll(notSenders);

        Lazy<List<Stages.Exchange>> transcript = new Lazy<>(() -> Stages.transcript(split.lines()));
        Lazy<List<TextRecipients.Found>> mentions = new Lazy<>(
                () -> TextRecipients.find(split.lines(), senders, limits.maxRecipients(), limits.maxFieldChars()));
        Context c = new Context(top, original, s, split.lines(), senders, locale, mentions, transcript,
                leadOf(split.lines(), mentions));
        String text = String.join("\n", split.lines());

        // 0. an Amazon SES notification (JSON by mail)
        SesNotification.Notification ses = SesNotification.parse(text, limits.maxRecipients());
        if (ses != null) {
            return ses(ses, c);
        }
        // 1. a feedback-loop report
        if (isArf(s) || !original.get(JMRP_RECIPIENT).isEmpty()) {
            // (Hotmail's Junk Mail Reporting Program sends no ARF part: the reported message whole, marked with the
            // address of the user who reported it)
            return feedback(c);
        }
        Context textContext = c;
        // 2. machine-readable delivery status
        List<BounceRecipient> dsn = new ArrayList<>();
        Map<String, String> perMessage = Map.of();
        if (!s.deliveryStatus.isEmpty() || indexOfIgnoreCase(text, "\nFinal-Recipient:") >= 0) {
            // a DSN names its recipients itself: in its text, every address may be one (even the sender's own)
            Lazy<List<TextRecipients.Found>> anyMentions = new Lazy<>(
                    () -> TextRecipients.find(split.lines(), Set.of(), limits.maxRecipients(), limits.maxFieldChars()));
            c = new Context(top, original, s, split.lines(), senders, locale, anyMentions, transcript,
                    leadOf(split.lines(), anyMentions));
        }
        for (byte[] body : s.deliveryStatus) {
            DsnFields.Report r = DsnFields.parse(body, limits.maxRecipients() - dsn.size(), limits.maxFieldChars());
            if (perMessage.isEmpty() && !r.message().isEmpty()) {
                perMessage = r.message();
            }
            for (Map<String, String> f : r.recipients()) {
                dsn.add(fromDsn(f, c));
            }
        }
        int fieldsAt = dsn.isEmpty() ? indexOfIgnoreCase(text, "\nFinal-Recipient:") : -1;
        if (fieldsAt >= 0) {
            // DSN fields written into the text part (some gateways do, and a report whose MIME is broken reads as text)
            int at = fieldsAt + 1;
            int from = Math.max(0, text.lastIndexOf("\n\n", at));
            DsnFields.Report r = DsnFields.parse(text.substring(from).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    limits.maxRecipients(), limits.maxFieldChars());
            for (Map<String, String> f : r.recipients()) {
                dsn.add(fromDsn(f, c));
            }
            perMessage = r.message();
        }
        dsn.removeIf(r -> r.finalRecipient().isEmpty());
        // a report that repeats a recipient's group word for word (a forwarding loop reported at every hop) says it once
        Set<List<Object>> groups = new HashSet<>();
        dsn.removeIf(r -> !groups.add(List.of(r.finalRecipient(), r.originalRecipient(), r.action(), r.status(), r.replyCode(), r.replyText())));
        if (!dsn.isEmpty() && dsn.stream().allMatch(BounceReader::saysNoCause) && AutoReplies.saysItIsOne(text)) {
            // a responder that wraps its automatic reply in a failure report (Gromox's store: "I have received your
            // mail … (this is an auto-response)" with Action failed, Status 5.0.0 and no diagnostic): the text says
            // what it is, the fields say nothing failed for a reason
            List<BounceRecipient> rs = new ArrayList<>();
            for (String a : top.addresses("From")) {
                rs.add(plain(a, ""));
                break;
            }
            return report(BounceKind.AUTO_REPLY, "rfc3834", Map.of(), c, rs);
        }
        if (!dsn.isEmpty()) {
            return report(kindOf(dsn), "rfc3464", perMessage, c, dsn);
        }
        // 2b. an automatic MDN that says the message was deleted unread: a refusal (RFC 5429's Sieve "reject", as
        // Dovecot sends it); its Final-Recipient names the recipient, and the text is nothing but the refusal
        List<BounceRecipient> refused = refusals(c, text);
        if (!refused.isEmpty()) {
            return report(BounceKind.FAILED, "rfc8098", Map.of(), c, refused);
        }
        // 3. an MTA's own format, or the generic reading of a bounce's text
        String lower = text.toLowerCase(Locale.ROOT);
        // a delivery-status report whose fields name no recipient is still one: its text says who
        boolean bounce = looksLikeBounce(top, lower) || !notSenders.isEmpty() || s.reportType.equals("delivery-status");
        // a notice that carries the bounce it got, pasted below its own words (an ISP's "please contact <support@…>"
        // above its MTA's delivery report) or attached as a message/rfc822 part (a helpdesk forwarding it): the carried
        // bounce names the recipient, the notice only its helpdesk
        byte[] carried = s.originalMessage != null ? s.originalMessage
                : s.originalHeaders == null ? String.join("\n", split.original()).getBytes(StandardCharsets.UTF_8) : null;
        BounceReport attached = null; // the attached message as read here, so the fallback below does not read it again
        // a person who forwards a bounce ("FW: Undelivered Mail…", a note to the helpdesk), attached or below an
        // "-----Original Message-----" line, writes no bounce's words of their own: the carried header block says what it is
        boolean forwardedBounce = (s.originalMessage != null || isForward(top)) && !sentAutomatically(top);
        if ((bounce || forwardedBounce) && depth < MAX_CARRIED && carried != null && isBounceHeader(original)) {
            BounceReport inner = read(carried, false, locale, depth + 1);
            if (!inner.recipients().isEmpty() && inner.kind().isDeliveryProblem()) {
                return inner;
            }
            if (carried == s.originalMessage) {
                attached = inner;
            }
        }
        if (bounce) {
            TextFormats.Format format = TextFormats.recognize(top, text);
            List<BounceRecipient> rs = new ArrayList<>();
            String action = isDelayed(top, lower) ? "delayed" : "failed";
            c = textContext;
            List<TextRecipients.Found> found = format.recipients(c, limits);
            if (found.isEmpty()) {
                // someone's bounce of a message to themselves: their own address is the recipient (the notice's sender
                // still is not)
                found = TextRecipients.find(c.lines(), Set.copyOf(top.addresses("From")), limits.maxRecipients(), limits.maxFieldChars());
            }
            // a message a person or a service wrote, delivered with their own address as its return path (a reply
            // that quotes a bounce, a question about one, a courier's "delivery failed"): only an address with a server's
            // reply in its own lines is a failed recipient, never any address in its sentences; and the lines it quotes
            // with "> " are another's message, unless it forwards that message
            boolean written = isWritten(top) && notSenders.isEmpty();
            if (written) {
                List<String> own = isForward(top) ? c.lines() : c.lines().stream().filter(l -> !l.startsWith(">")).toList();
                found = TextRecipients.find(own, c.senders(), limits.maxRecipients(), limits.maxFieldChars()).stream()
                        .filter(f -> !f.reply().isEmpty()).toList();
            }
            if (!notSenders.isEmpty()) {
                // X-Failed-Recipients names them exactly (Exim, Gmail): keep the text's words about each
                List<TextRecipients.Found> named = new ArrayList<>();
                for (String a : notSenders) {
                    TextRecipients.Found f = found.stream().filter(x -> x.address().equals(a)).findFirst()
                            .orElse(found.size() == 1 && notSenders.size() == 1 ? new TextRecipients.Found(a, found.get(0).block(), found.get(0).reply())
                                    : new TextRecipients.Found(a, text, TextRecipients.reply(text, limits.maxFieldChars())));
                    named.add(f);
                }
                found = named;
            }
            String lead = null; // the reason above the list, when it gives one; looked for once
            for (TextRecipients.Found f : found) {
                String why = f.reply().isEmpty() ? f.block() : f.reply();
                if (f.reply().isEmpty() && saysNothing(why)) {
                    // "This Message was undeliverable due to the following reason: … not reachable within the allowed queue
                    // period … The following recipients did not receive your message: <a> …": the reason stated once above
                    // the list is every listed recipient's when their own lines say nothing
                    if (lead == null) {
                        lead = lead(c.lines(), found);
                    }
                    if (!lead.isEmpty()) {
                        why = lead;
                    }
                }
                rs.add(recipient(f.address(), Optional.empty(), action, "", why, Optional.empty(), f.block(), c));
            }
            if (rs.isEmpty() && s.originalMessage != null && depth < MAX_CARRIED) {
                // a bounce forwarded as an attachment (a gateway passing on the DSN it got): read the attached one
                BounceReport inner = attached != null ? attached : read(s.originalMessage, false, locale, depth + 1);
                if (!inner.recipients().isEmpty() && inner.kind().isDeliveryProblem()) {
                    return inner;
                }
            }
            if (rs.isEmpty() && !written) {
                Set<String> fallback = new LinkedHashSet<>(notSenders);
                if (fallback.isEmpty()) {
                    String addressee = onlyAddressee(original);
                    if (!addressee.isEmpty()) {
                        fallback.add(addressee);
                    }
                }
                String reply = TextRecipients.reply(text, limits.maxFieldChars());
                for (String a : fallback) {
                    if (rs.size() < limits.maxRecipients()) {
                        rs.add(recipient(a, Optional.empty(), action, "", reply.isEmpty() ? text : reply, Optional.empty(), text, c));
                    }
                }
            }
            // words alone (a subject and a body that say "unknown user") make a bounce only when it names a recipient;
            // a mail system's sender, an empty Return-Path or an automatic submission make one anyway, unless the message
            // says it is an automatic reply (a challenge-response system's "your message … will not be delivered until you
            // confirm it", sent Auto-Submitted: auto-replied)
            if (!rs.isEmpty() || looksLikeBounce(top, lower) && sentAutomatically(top) && !AutoReplies.is(top)
                    || s.reportType.equals("delivery-status")) {
                return report(action.equals("delayed") ? BounceKind.DELAYED : BounceKind.FAILED, format.name(), Map.of(), c, rs);
            }
        }
        // 4. an automatic reply
        if (AutoReplies.is(top)) {
            List<BounceRecipient> rs = new ArrayList<>();
            for (String a : top.addresses("From")) {
                rs.add(plain(a, ""));
                break;
            }
            return report(BounceKind.AUTO_REPLY, "rfc3834", Map.of(), c, rs);
        }
        return report(BounceKind.NOT_BOUNCE, "none", Map.of(), c, List.of());
    }

    /**
     * The recipients of MDNs whose disposition says the message was refused unread ("automatic-action/…; deleted",
     * RFC 2298's "denied" and "failed"), each explained by the readable text; read receipts ("displayed") are none.
     */
    private List<BounceRecipient> refusals(Context c, String text) {
        List<BounceRecipient> rs = new ArrayList<>();
        for (String mdn : c.sections().dispositions) {
            Headers h = Headers.parse(mdn.getBytes(StandardCharsets.UTF_8));
            String disposition = h.get("Disposition").toLowerCase(Locale.ROOT);
            int semi = disposition.indexOf(';');
            String type = semi < 0 ? "" : disposition.substring(semi + 1).strip();
            if (!disposition.startsWith("automatic-action") || !(type.startsWith("deleted") || type.startsWith("denied")
                    || type.startsWith("failed"))) {
                continue;
            }
            String address = Addresses.fromField(h.get("Final-Recipient"));
            if (address.isEmpty()) {
                address = Addresses.fromField(h.get("Original-Recipient"));
            }
            if (!address.isEmpty() && rs.size() < limits.maxRecipients()) {
                rs.add(recipient(address, Optional.empty(), "failed", "", text, Optional.empty(), text, c));
            }
        }
        return rs;
    }

    private BounceReport ses(SesNotification.Notification n, Context c) {
        List<BounceRecipient> rs = new ArrayList<>();
        for (SesNotification.Recipient r : n.recipients()) {
            if (n.type().equals("bounce")) {
                String diag = DsnFields.typed(r.diagnostic());
                Matcher sm = STATUS.matcher(r.status());
                String action = r.action().isEmpty() ? "failed" : r.action().toLowerCase(Locale.ROOT);
                rs.add(recipient(Addresses.fromField(r.address()), Optional.empty(), action, sm.find() ? sm.group() : "", diag,
                        Optional.empty(), diag, c));
            } else {
                rs.add(plain(Addresses.fromField(r.address()), n.type().equals("delivery") ? "delivered" : ""));
            }
        }
        BounceKind kind = switch (n.type()) {
            case "complaint" -> BounceKind.FEEDBACK;
            case "delivery" -> BounceKind.DELIVERED;
            default -> rs.isEmpty() ? BounceKind.FAILED : kindOf(rs);
        };
        return report(kind, "amazon-ses", n.reportingMta().isEmpty() ? Map.of() : Map.of("reporting-mta", n.reportingMta()), c, rs);
    }

    private static int indexOfIgnoreCase(String s, String what) {
        int m = what.length();
        char first = what.charAt(1);
        for (int i = s.indexOf('\n'); i >= 0 && i + m <= s.length(); i = s.indexOf('\n', i + 1)) {
            if (Character.toLowerCase(s.charAt(i + 1)) == Character.toLowerCase(first) && s.regionMatches(true, i, what, 0, m)) {
                return i;
            }
        }
        return -1;
    }

    /** What every step needs: the bounce's and the original's headers, the walk, the readable lines. */
    record Context(Headers top, Headers original, Sections sections, List<String> lines, Set<String> senders, Locale locale,
            Lazy<List<TextRecipients.Found>> lazyMentions, Lazy<List<Stages.Exchange>> lazyTranscript, Lazy<String> lazyLead) {
        /** The recipients the text names, found on first use (a DSN needs them only to complete its fields). */
        List<TextRecipients.Found> mentions() {
            return lazyMentions.get();
        }

        /** The session transcript's replies and their commands, read on first use. */
        List<Stages.Exchange> transcript() {
            return lazyTranscript.get();
        }

        /** The text above the first line that names a recipient, when a rule knows its words; "" otherwise. */
        String lead() {
            return lazyLead.get();
        }
    }

    /** A value computed on first use, by one thread (a reader's context never leaves its thread). */
    static final class Lazy<T> {
        private final java.util.function.Supplier<T> supplier;
        private T value;

        Lazy(java.util.function.Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }

    // where a DSN's group names its recipient, in the order they are trusted; an empty one gives way to the next
    private static final List<String> RECIPIENT_FIELDS = List.of("final-recipient", "x-actual-recipient", "original-recipient");

    // bounces carried inside bounces read: a notice attached to a notice that attaches the report
    private static final int MAX_CARRIED = 2;

    /** The one address the text names as a recipient, else the returned original's one addressee; "" for none or several. */
    private static String onlyRecipient(Context c) {
        if (c.mentions().size() == 1 && Addresses.isInternetAddress(c.mentions().get(0).address())
                && !c.senders().contains(c.mentions().get(0).address())) {
            return c.mentions().get(0).address();
        }
        return onlyAddressee(c.original());
    }

    /**
     * The returned original's one addressee (To and Cc), the one it failed for; "" when it had several (nothing says
     * which) or none, and for a returned bounce, whose addressee is the sender of the message it is about.
     */
    private static String onlyAddressee(Headers original) {
        Set<String> addressees = new LinkedHashSet<>(original.addresses("To"));
        addressees.addAll(original.addresses("Cc"));
        return addressees.size() == 1 && !isBounceHeader(original) ? addressees.iterator().next() : "";
    }

    private BounceRecipient fromDsn(Map<String, String> f, Context c) {
        String finalRcpt = "";
        for (String field : RECIPIENT_FIELDS) {
            finalRcpt = Addresses.fromField(f.getOrDefault(field, ""));
            if (!finalRcpt.isEmpty()) {
                break;
            }
        }
        Optional<String> orig = Optional.ofNullable(f.get("original-recipient")).map(Addresses::fromField).filter(s -> !s.isEmpty());
        if (orig.isPresent() && !Addresses.isInternetAddress(finalRcpt) && Addresses.isInternetAddress(orig.get())) {
            // an X.400 gateway's "/S=bob/O=…/", a store's "bob@ims-daemon": the address the sender wrote says who it is
            finalRcpt = orig.get();
        } else if (orig.isEmpty() && finalRcpt.startsWith("@") && c.mentions().size() == 1
                && Addresses.isInternetAddress(c.mentions().get(0).address())) {
            // what is left of a source route ("@mx.example.org", its mailbox cut off): the one address the text names
            finalRcpt = c.mentions().get(0).address();
        } else if (finalRcpt.isEmpty()) {
            // "Final-Recipient: rfc822;" with nothing after it, its Status and Diagnostic-Code given: the one recipient the
            // text or the returned original names is the one they are about (else the group names no one, and is dropped)
            finalRcpt = onlyRecipient(c);
        }
        String action = f.getOrDefault("action", "").toLowerCase(Locale.ROOT).strip();
        int sp = action.indexOf(' ');
        if (sp > 0) {
            action = action.substring(0, sp); // "failed (bad destination mailbox address)"
        }
        if (action.equals("failure") || action.equals("fail")) {
            action = "failed"; // gateways that write the noun
        } else if (action.equals("expired")) {
            action = "failed"; // not in RFC 3464, but some senders' (SendGrid's): retries ran out, the MTA gave up
        } else if (action.equals("delay")) {
            action = "delayed";
        }
        String status = "";
        Matcher sm = STATUS.matcher(f.getOrDefault("status", ""));
        if (sm.find()) {
            status = sm.group();
        }
        String diag = DsnFields.typed(f.getOrDefault("diagnostic-code", ""));
        String statusField = f.getOrDefault("status", "").strip();
        if (status.isEmpty() && diag.isBlank() && REPLY_IN_STATUS.matcher(statusField).lookingAt()) {
            diag = statusField; // NTMail's "Status: 553 Exceeded maximum inbound message size": a reply, not a status
        }
        String said = TextRecipients.saidReply(diag, limits.maxFieldChars());
        if (!said.isEmpty()) {
            diag = said; // "X-Postfix; host mx.example.com[…] said: 550 …": the remote server's reply
        }
        // the text's mention of this recipient: where it says which command, and the reply when the fields have none
        TextRecipients.Found mention = mention(c, finalRcpt, orig.orElse(""));
        String block = mention == null ? "" : mention.block();
        String comment = DsnFields.comment(f.getOrDefault("status", ""));
        boolean succeeded = action.equals("delivered") || action.equals("relayed") || action.equals("expanded")
                || action.isEmpty() && status.startsWith("2");
        if (succeeded) {
            // a recipient the message reached has no failure to explain: a failure the text quotes is another's
            if (diag.isBlank() && mention != null && mention.reply().startsWith("2")) {
                diag = mention.reply();
            }
        } else if (diag.isBlank() && mention != null && !mention.reply().isEmpty()) {
            diag = mention.reply();
        } else if (status.endsWith(".0.0") && mention != null && !diag.isBlank() && saysNoReply(diag)
                && !saysNoReply(mention.reply())) {
            // an X.400 gateway's "Reason 1 (Unable-To-Transfer); Diagnostic -1 (Unknown)" with Status 5.0.0: no SMTP
            // reply in the fields; the text quotes the remote MTA's ("gives error message 5.7.1 Unable to relay …")
            diag = mention.reply();
        } else if (diag.isBlank() && !comment.isEmpty()) {
            // no Diagnostic-Code and no reply in the text: the Status field's comment, where Haraka and mox put the
            // error ("5.1.2 (550 No Such Domain: …)")
            diag = comment;
        } else if (diag.isBlank() && mention != null) {
            // no Diagnostic-Code: the text's words about this recipient; a precise Status says more than those words
            // (often just "Delivery to the following recipients failed" and a banner), but X.0.0, a subject's "other"
            // detail (X.3.0 "other or undefined mail system status") and an expiry (X.4.7) leave the why to them
            boolean statusSaysWhy = !status.isEmpty() && !status.endsWith(".0") && !status.endsWith(".4.7");
            diag = statusSaysWhy ? "" : mention.block();
            if (!diag.isEmpty() && saysNothing(diag) && !c.lead().isEmpty()) {
                // the recipient's own lines say nothing ("your message to "bob@…" cannot be delivered"): the reason the
                // notice states above them ("some error occurred in our mail system,") is theirs
                diag = c.lead();
            }
        }
        Optional<String> remote = Optional.ofNullable(f.get("remote-mta")).map(DsnFields::typed).filter(s -> !s.isEmpty());
        if (action.isEmpty()) {
            action = status.startsWith("4") ? "delayed" : status.startsWith("2") ? "delivered" : "failed";
        }
        return recipient(finalRcpt, orig, action, status, diag, remote, diag + "\n" + block, c);
    }

    /** The lead of a text (see {@link #lead}), found on first use. */
    private Lazy<String> leadOf(List<String> lines, Lazy<List<TextRecipients.Found>> mentions) {
        return new Lazy<>(() -> lead(lines, mentions.get()));
    }

    /**
     * Whether a recipient's words give no cause: no reply in them, and no rule knows them (what the word model
     * makes of a notice's prose is a guess, not a cause the notice states).
     */
    private boolean saysNothing(String text) {
        Diagnosis d = diagnoser.diagnose(SmtpReply.parseLenient(text.length() > limits.maxFieldChars()
                ? text.substring(0, limits.maxFieldChars()) : text));
        return d.category() == Category.UNKNOWN || d.evidence().source() == Evidence.Source.WORDS;
    }

    /**
     * The text above the first line that names one of the found recipients (the notice's own words), when a rule
     * knows them; empty when there is none or it says nothing.
     */
    private String lead(List<String> lines, List<TextRecipients.Found> found) {
        List<String> addresses = found.stream().map(f -> f.address().toLowerCase(Locale.ROOT)).toList();
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String address : addresses) {
                if (lower.contains(address)) {
                    String above = sb.toString().strip();
                    return above.isEmpty() || saysNothing(above) ? "" : above;
                }
            }
            if (sb.length() < limits.maxFieldChars()) {
                sb.append(line).append('\n');
            }
        }
        return "";
    }

    /** Whether a report's recipient has no cause at all: no reply code, a bare X.0.0 (or no) status, no category. */
    private static boolean saysNoCause(BounceRecipient r) {
        return r.replyCode().isEmpty() && r.status().map(st -> st.endsWith(".0.0")).orElse(true)
                && r.categoryId().map(id -> id.equals("unknown")).orElse(true);
    }

    /** Whether a text holds neither a reply code nor an enhanced status. */
    private static boolean saysNoReply(String text) {
        SmtpReply r = SmtpReply.parseLenient(text);
        return r.code().isEmpty() && r.status().isEmpty();
    }

    private TextRecipients.Found mention(Context c, String... addresses) {
        List<TextRecipients.Found> found = c.mentions();
        for (String a : addresses) {
            for (TextRecipients.Found f : found) {
                if (!a.isEmpty() && f.address().equals(a)) {
                    return f;
                }
            }
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    private BounceRecipient recipient(String address, Optional<String> original, String action, String status, String replyText,
            Optional<String> remote, String stageText, Context c) {
        String text = replyText.strip();
        if (text.length() > limits.maxFieldChars()) {
            text = text.substring(0, limits.maxFieldChars());
        }
        SmtpReply reply = reply(status, text);
        // a transcript's command right before the reply says it best; then the words that name a command
        Optional<SmtpStage> stage = Stages.commandBefore(stageText, text).or(() -> Stages.find(stageText));
        if (stage.isEmpty()) {
            // no words name the command: the transcript's line with this reply shows the command before it
            stage = Stages.answered(c.transcript(), text);
        }
        if (stage.isEmpty()) {
            // nor a transcript: a reply that names the restriction it failed implies the command
            stage = Stages.implied(text);
        }
        Optional<Diagnosis> diagnosis = Optional.empty();
        Optional<Explanation> explanation = Optional.empty();
        if (action.equals("failed") || action.equals("delayed")) {
            Diagnosis d = diagnoser.diagnose(reply);
            if (d.evidence().source() == Evidence.Source.WORDS && reply.code().isEmpty() && reply.status().isEmpty()) {
                // a notice's own prose without a reply ("the message you've sent cannot be delivered") states no
                // cause; what its words resemble is not one. A rule that reads the prose ("Unable to connect to …")
                // still does: the words only outweighed it
                Diagnosis byRules = rulesOnly.diagnose(reply);
                d = byRules.evidence().source() == Evidence.Source.TEXT_RULE ? byRules
                        : Diagnosis.of(reply, Category.UNKNOWN, NO_CAUSE_CONFIDENCE, NO_CAUSE);
            } else if (action.equals("delayed") && d.category() == Category.DELIVERY_EXPIRED) {
                // a warning's "Connection timed out" is why the message is still queued, not an expiry: it has not
                // expired while the server keeps trying. The temporary counterpart says the receiving server could
                // not be reached, and that the system retries. A warning that only says it is late ("Delivery to the
                // following recipients has been delayed.", no reply, no status) states no cause at all
                boolean onlyLate = reply.code().isEmpty() && reply.status().isEmpty()
                        && d.evidence().matchedPhrase().map(p -> any(p, DELAYED)).orElse(true);
                d = onlyLate ? Diagnosis.of(reply, Category.UNKNOWN, NO_CAUSE_CONFIDENCE, NO_CAUSE)
                        : Diagnosis.of(reply, Category.NETWORK_ERROR, d.confidence(), d.evidence());
            }
            if (action.equals("delayed")) {
                // the reporting system still holds the message and retries it: sending it again would only duplicate it
                d = d.retriedBySender();
            }
            diagnosis = Optional.of(d);
            explanation = Optional.of(explainer.explain(d, c.locale()));
        }
        return new BounceRecipient(
                clean(address),
                original.map(BounceReader::clean),
                action,
                reply.status().map(EnhancedStatus::toString).or(() -> status.isEmpty() ? Optional.empty() : Optional.of(status)),
                reply.code().map(x -> x.value()),
                ServerText.sanitize(text, limits.maxFieldChars(), true),
                stage,
                remote.map(BounceReader::clean),
                diagnosis,
                explanation);
    }

    /** The reply the bounce's fields describe: its Status decides, unless the reply text is more specific in the same class. */
    private static SmtpReply reply(String status, String text) {
        SmtpReply fromText = SmtpReply.parseLenient(text);
        String s = status;
        if (fromText.status().isPresent()) {
            EnhancedStatus t = fromText.status().get();
            if (s.isEmpty() || s.endsWith(".0.0") && s.charAt(0) == t.toString().charAt(0)) {
                s = t.toString();
            }
        }
        Integer code = fromText.code().map(x -> x.value()).orElse(null);
        if (code != null && !s.isEmpty() && s.charAt(0) != Character.forDigit(code / 100, 10)) {
            code = null; // a quoted code of another class (a 250 in a transcript) is not this failure's
        }
        try {
            return SmtpReply.of(code, s.isEmpty() ? null : s, text);
        } catch (IllegalArgumentException e) {
            return fromText;
        }
    }

    private BounceReport feedback(Context c) {
        Set<String> rcpts = new LinkedHashSet<>();
        for (String report : c.sections().feedbackReports) {
            Headers h = Headers.parse(report.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            rcpts.addAll(h.addresses("Original-Rcpt-To"));
            rcpts.addAll(h.addresses("Removal-Recipient"));
        }
        if (rcpts.isEmpty()) {
            rcpts.addAll(c.original().addresses(JMRP_RECIPIENT));
        }
        if (rcpts.isEmpty()) {
            rcpts.addAll(c.original().addresses("To"));
        }
        List<BounceRecipient> rs = new ArrayList<>();
        for (String a : rcpts) {
            if (rs.size() < limits.maxRecipients()) {
                rs.add(plain(a, ""));
            }
        }
        Map<String, String> perMessage = Map.of();
        if (!c.sections().feedbackReports.isEmpty()) {
            Headers h = Headers.parse(c.sections().feedbackReports.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            perMessage = Map.of("reporting-mta", h.get("Reporting-MTA"), "arrival-date", h.get("Arrival-Date"));
        }
        return report(BounceKind.FEEDBACK, isArf(c.sections()) ? "arf" : "hotmail-jmrp", perMessage, c, rs);
    }

    /** Whether the message is an ARF feedback report (RFC 5965): a feedback-report part, or the report type that names one. */
    private static boolean isArf(Sections s) {
        return !s.feedbackReports.isEmpty() || s.reportType.equals("feedback-report");
    }

    private BounceRecipient plain(String address, String action) {
        return new BounceRecipient(clean(address), Optional.empty(), action, Optional.empty(), Optional.empty(), "",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private BounceReport report(BounceKind kind, String format, Map<String, String> perMessage, Context c, List<BounceRecipient> rs) {
        Optional<String> reporting = Optional.ofNullable(perMessage.get("reporting-mta")).map(DsnFields::typed)
                .filter(x -> !x.isEmpty()).map(BounceReader::clean);
        Optional<String> arrival = Optional.ofNullable(perMessage.get("arrival-date")).filter(x -> !x.isEmpty()).map(BounceReader::clean);
        Optional<String> messageId = Optional.of(c.original().get("Message-ID")).filter(x -> !x.isEmpty()).map(BounceReader::clean);
        Optional<String> subject = Optional.of(c.original().get("Subject")).filter(x -> !x.isEmpty()).map(BounceReader::clean);
        String problem = c.sections().problem;
        if (problem == null && rs.size() >= limits.maxRecipients()) {
            // every reading stops at the cap, so a report that reaches it may have named more (or exactly as many)
            problem = "the report stops at " + limits.maxRecipients() + " recipients; the message may name more";
        }
        return new BounceReport(kind, format, reporting, arrival, messageId, subject, rs, c.locale(), Optional.ofNullable(problem));
    }

    private static BounceKind kindOf(List<BounceRecipient> rs) {
        boolean delayed = false;
        boolean delivered = false;
        for (BounceRecipient r : rs) {
            switch (r.action()) {
                case "failed" -> {
                    return BounceKind.FAILED;
                }
                case "delayed" -> delayed = true;
                case "delivered", "relayed", "expanded" -> delivered = true;
                default -> {
                    return BounceKind.FAILED;
                }
            }
        }
        return delayed ? BounceKind.DELAYED : delivered ? BounceKind.DELIVERED : BounceKind.FAILED;
    }

    // plain phrases found with indexOf in lower-cased text: linear, and cheaper than one alternation pattern
    private static final String[] BOUNCE_SUBJECT = {
        "undeliver", "delivery status notification", "returned mail", "failure notice", "delivery fail", "mail delivery failed",
        "delivery has failed", "non-delivery", "nondelivery", "nondeliverable", "not delivered", "could not be delivered",
        "mail system error", "delivery notification", "returned to sender", "delivery problem", "mail failure", "delivery error",
        "error sending", "bounce", "warning: could not send", "delayed mail", "delivery delayed", "message delayed",
        "permanent error", "unable to deliver", "rejected", "user unknown", "unknown user", "delivery warning", "エラー", "不達", "配信",
        "送信できません", "недостав",
        // "Undeliverable" as mail systems localize it (Exchange's "Non remis :", "Unzustellbar:", "No se puede entregar:" …)
        // (not "no entregado" / "não entregue": a shop's customer writes "Pedido no entregado")
        "non remis", "non distribuable", "unzustellbar", "nicht zustellbar", "no se puede entregar", "non recapitabile",
        "onbestelbaar", "não é possível entregar", "退信", "无法投递", "無法傳遞"};
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final String[] BOUNCE_TEXT = {
        "could not be delivered", "couldn't be delivered", "wasn't able to deliver", "was not delivered", "unable to deliver",
        "delivery to the following", "delivery has failed", "failed permanently", "permanent error", "did not reach",
        "delivery failed", "mail delivery failed", "the following address", "following recipient", "not be delivered",
        "undeliverable", "delivery status notification", "could not deliver", "no such user", "user unknown", "unknown user",
        "mailbox full", "mailbox is full", "has not yet been delivered", "will be retried", "transcript of session",
        "delivery attempt", "error delivering", "attempting to deliver", "invalid user address", "message was not sent",
        "returned to you", "rejected your message", "failed recipient", "full mailbox", "配信できません", "送信できませんでした",
        // Gmail's notices: "** Address not found ** Your message wasn't delivered to …", "** Delivery incomplete ** There
        // was a temporary problem delivering your message to …"
        "wasn't delivered", "delivery incomplete", "problem delivering your message",
        // "could not be delivered" in French, Spanish, Portuguese, German, Italian (accents written or left out)
        "n'a pas pu etre delivre", "n'a pas pu être délivré", "n'a pas pu être remis", "n'a pas pu etre remis",
        "no pudo ser entregado", "no se pudo entregar", "nao pode ser entregue", "não pôde ser entregue",
        "konnte nicht zugestellt", "non è stato possibile recapitare", "non ha potuto essere recapitato",
        // and in Dutch, as Exchange words it ("Uw bericht kan niet worden bezorgd bij de volgende geadresseerden")
        "kan niet worden bezorgd", "kon niet worden bezorgd", "kon niet worden afgeleverd"};
    // "could not yet be delivered", "will be tried again" and "defered" (sic): masqmail's warning; "remain in the retry
    // queue and delivery will be attempted again", "YOU DO NOT NEED TO RESEND THE MESSAGE": MDaemon's
    private static final String[] DELAYED = {
        "delayed", "will retry", "will be retried", "will keep trying", "still trying", "not yet been delivered", "retrying",
        "deferred", "delivery attempts will continue", "postponed", "could not yet", "will be tried again", "defered",
        "will continue attempting", "will continue to attempt", "will be attempted again", "retry queue",
        "do not need to resend", "do not need to re-send", "temporary delivery failure", "temporary delivery problem"};
    // an explicit promise to try again: it outweighs a warning's "undeliverable" (Citadel's "will continue attempting
    // delivery for five days. The following addresses were undeliverable:"), not a statement that it gave up
    private static final String[] WILL_RETRY = {
        "will retry", "will be retried", "will keep trying", "will be tried again", "will continue attempting",
        "will continue to attempt", "delivery attempts will continue", "will be attempted again", "do not need to resend",
        "do not need to re-send"};
    // a subject that says the message came back: Sendmail's "Returned mail: Deferred: Connection timed out …"
    // is a message returned after its deferrals, not a warning (Sendmail warns "Warning: could not send …")
    private static final String[] RETURNED = {"returned mail", "returned to sender"};
    private static final String[] GAVE_UP_FOR_GOOD = {"permanent", "given up", "giving up", "gave up", "failed permanently"};
    // words of a failure that a warning may use too: they make a failure only where no retry is promised
    private static final String[] NOT_DELIVERED = {"could not be delivered", "cannot send message for", "undeliverable", "not delivered"};

    private static boolean any(String lower, String[] phrases) {
        for (String p : phrases) {
            if (lower.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of the phrases occurs outside a condition: Gmail's warning says "You'll be notified if the delivery
     * fails permanently", which gives up on nothing. An occurrence whose sentence has an "if " before it is a condition.
     */
    private static boolean statesOutright(String lower, String[] phrases) {
        for (String p : phrases) {
            for (int at = lower.indexOf(p); at >= 0; at = lower.indexOf(p, at + 1)) {
                int sentence = Math.max(Math.max(lower.lastIndexOf('.', at - 1), lower.lastIndexOf('\n', at - 1)), at - 80);
                boolean conditional = false;
                for (int c = lower.indexOf("if ", Math.max(sentence, 0)); c >= 0 && c < at && !conditional; c = lower.indexOf("if ", c + 1)) {
                    conditional = c == 0 || !Character.isLetter(lower.charAt(c - 1));
                }
                if (!conditional) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean looksLikeBounce(Headers top, String lowerText) {
        if (fromMailSystem(top)) {
            return true;
        }
        boolean subject = any(top.get("Subject").toLowerCase(Locale.ROOT), BOUNCE_SUBJECT);
        // the words also across the notice's wrapped lines ("your message could not\nbe delivered")
        boolean words = any(lowerText, BOUNCE_TEXT) || any(SPACES.matcher(lowerText).replaceAll(" "), BOUNCE_TEXT);
        if (top.isEmpty()) {
            // a bounce's text without its header block, as a person copies it from the notice their mail program
            // shows: the words are all there is to go by (a recipient must still be found, as for any words-only bounce)
            return words;
        }
        if (subject && (words || top.get("Return-Path").equals("<>"))) {
            return true;
        }
        return words && (top.get("Return-Path").equals("<>") || AutoReplies.autoSubmitted(top));
    }

    /** Whether a header block is a bounce's own: a delivery report, or a mail system's message with an empty Return-Path. */
    private static boolean isBounceHeader(Headers h) {
        // a mail system's notice, with the empty Return-Path of a bounce or none at all (a notice attached to another
        // has not been delivered, so nothing wrote one)
        String returnPath = h.get("Return-Path");
        return h.get("Content-Type").toLowerCase(Locale.ROOT).contains("delivery-status")
                || fromMailSystem(h) && (returnPath.equals("<>") || returnPath.isEmpty());
    }

    private static boolean fromMailSystem(Headers top) {
        String from = top.localPart("From");
        return from.equals("mailer-daemon") || from.equals("postmaster") || from.equals("mail-daemon") || from.equals("mailer_daemon")
                || from.equals("post_master") || top.get("From").toLowerCase(Locale.ROOT).contains("mail delivery");
    }

    /**
     * Whether a person or a service wrote the message: it was delivered with a return path of its own (a bounce's is
     * empty) and says nothing of a program having sent it. A notice saved without its envelope has no return path,
     * and is not taken for one.
     */
    private static boolean isWritten(Headers top) {
        String returnPath = top.get("Return-Path").strip();
        return !returnPath.isEmpty() && !returnPath.equals("<>") && top.localPart("Return-Path").indexOf("mailer-daemon") < 0
                && !sentAutomatically(top);
    }

    // "Fwd:", "FW:" and the forward prefixes of mail programs in other languages (French TR, German WG, Spanish RV,
    // Portuguese ENC, Dutch Doorst, Scandinavian VS and VB)
    private static final Pattern FORWARD = Pattern.compile("(?i)^\\s*(fwd?|tr|wg|rv|enc|doorst|vs|vb)\\s*:");

    /** Whether the message forwards another: its subject says so. */
    private static boolean isForward(Headers top) {
        return FORWARD.matcher(top.get("Subject")).find();
    }

    /** Whether the message says a program sent it: a mail system's sender, an empty Return-Path or Auto-Submitted. */
    private static boolean sentAutomatically(Headers top) {
        return fromMailSystem(top) || top.get("Return-Path").equals("<>") || AutoReplies.autoSubmitted(top);
    }

    private static boolean isDelayed(Headers top, String lowerText) {
        String subject = top.get("Subject").toLowerCase(Locale.ROOT);
        if (!(any(subject, DELAYED) || any(lowerText, DELAYED)) || any(subject, RETURNED)) {
            return false;
        }
        if (any(subject, GAVE_UP_FOR_GOOD) || statesOutright(lowerText, GAVE_UP_FOR_GOOD)) {
            return false;
        }
        // words of a failure ("undeliverable", "could not be delivered") make it one unless the text promises to retry
        return !(any(subject, NOT_DELIVERED) || any(lowerText, NOT_DELIVERED)) || any(lowerText, WILL_RETRY);
    }

    private BounceReport unreadable(String why, Locale locale) {
        return new BounceReport(BounceKind.UNREADABLE, "none", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), locale, Optional.of(why));
    }

    private static BounceReport withProblem(BounceReport r, String problem) {
        return new BounceReport(r.kind(), r.format(), r.reportingMta(), r.arrivalDate(), r.originalMessageId(), r.originalSubject(),
                r.recipients(), r.locale(), Optional.of(problem));
    }

    /** Mostly printable bytes: a body without headers may still be a pasted bounce. */
    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 4096);
        int odd = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1B) {
                odd++;
            }
        }
        return odd * 20 < n;
    }

    /**
     * Where the header block starts: past blank lines (spaces only, too) that a message saved or pasted into a
     * file may begin with, when a header field follows them; else 0.
     */
    public static int headerStart(byte[] b) {
        int lineStart = 0;
        int i = 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            if (b[i] == '\n') {
                lineStart = i + 1;
            }
            i++;
        }
        return lineStart > 0 && lineStart < b.length && startsWithField(b, lineStart) ? lineStart : 0;
    }

    /**
     * Whether a header field starts at {@code from}: a name of ASCII letters, digits, '-' and '_', then a colon
     * ("Subject:", "X-Failed-Recipients:"), or an mbox file's "From " line. "This is the mail system at host …" is not one.
     */
    public static boolean startsWithField(byte[] b, int from) {
        if (b.length - from >= 5 && b[from] == 'F' && b[from + 1] == 'r' && b[from + 2] == 'o' && b[from + 3] == 'm' && b[from + 4] == ' ') {
            return true;
        }
        int k = from;
        while (k < b.length && k - from <= 76 && (Character.isLetterOrDigit(b[k]) || b[k] == '-' || b[k] == '_')) {
            k++;
        }
        return k > from && k < b.length && b[k] == ':';
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\t' && x != '\r' && x != '\n') {
                return false;
            }
        }
        return true;
    }

    static String clean(String s) {
        return ServerText.sanitize(s, 320, false);
    }
}
