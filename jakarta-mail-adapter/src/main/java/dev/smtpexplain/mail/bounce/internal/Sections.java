package dev.smtpexplain.mail.bounce.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What the MIME walk found in a message, by role: the human-readable text, the machine-readable
 * delivery status and feedback reports, and the returned original's headers. Filled by {@link MimeWalk};
 * not shared between threads.
 */
final class Sections {

    /** Human-readable text parts outside the returned message, decoded, in order. */
    final List<String> texts = new ArrayList<>();
    /** Bodies of message/delivery-status and message/global-delivery-status parts. */
    final List<byte[]> deliveryStatus = new ArrayList<>();
    /** Bodies of message/feedback-report parts. */
    final List<String> feedbackReports = new ArrayList<>();
    /** Bodies of message/disposition-notification parts (RFC 8098 MDNs, a Sieve "reject" among them). */
    final List<String> dispositions = new ArrayList<>();
    /** The returned original message's header block (or text/rfc822-headers), raw. */
    byte[] originalHeaders;
    /** The returned message itself (capped), kept in case it is a bounce that was forwarded. */
    byte[] originalMessage;
    /** The top-level content type, lower case ({@code multipart/report} …). */
    String topType = "";
    /** The report-type parameter of a top-level multipart/report. */
    String reportType = "";
    /** Why the walk stopped early or skipped something, if it did. */
    String problem;
    /** What a problem says when the text cap cut a part or the text: a message cut at its size cap says more. */
    static final String TEXT_CUT = "was read only that far; what came after it, recipients too, was not read";
    int parts;

    void problem(String p) {
        if (problem == null) {
            problem = p;
        }
    }
}
