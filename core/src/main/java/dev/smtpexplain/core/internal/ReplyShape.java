package dev.smtpexplain.core.internal;

import java.util.List;

/**
 * Whether text without a reply code or an enhanced status still looks like something a mail system
 * wrote: an e-mail address, a host name or IP address, an SMTP command, or a word only mail software
 * uses. Ordinary sentences ("the spam folder is full") have none of these, so rules matching them are
 * guesses. One pass over the text.
 */
public final class ReplyShape {

    private static final String[] MAIL_WORDS = {"smtp", "esmtp", "mailer-daemon", "postmaster", "mail from", "rcpt to", "ehlo",
        "helo", "mx", "dsn", "lmtp", "mta", "said:", "host ", "mailbox", "mail server", "mail system", "name server", "relay"};

    private ReplyShape() {
    }

    /** Whether the lines carry a sign of mail software. */
    public static boolean looksLikeMail(List<String> lines) {
        for (String line : lines) {
            if (hasAddressOrHost(line) || hasMailWord(line)) {
                return true;
            }
        }
        return false;
    }

    /** An '@' between word characters, or a dotted name or number with three parts or more. */
    private static boolean hasAddressOrHost(String s) {
        int dots = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '@' && i > 0 && i + 1 < n && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1))) {
                return true;
            }
            if (c == '.' && i > 0 && i + 1 < n && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1))) {
                if (++dots >= 2) {
                    return true;
                }
            } else if (!Character.isLetterOrDigit(c) && c != '-' && c != '.') {
                dots = 0;
            }
        }
        return false;
    }

    private static boolean hasMailWord(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        for (String w : MAIL_WORDS) {
            int at = lower.indexOf(w);
            while (at >= 0) {
                boolean startsWord = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
                int end = at + w.length();
                boolean endsWord = end >= lower.length() || !Character.isLetterOrDigit(lower.charAt(end)) || !Character.isLetterOrDigit(w.charAt(w.length() - 1));
                if (startsWord && endsWord) {
                    return true;
                }
                at = lower.indexOf(w, at + 1);
            }
        }
        return false;
    }
}
