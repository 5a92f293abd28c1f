package dev.smtpexplain.mail.bounce.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The non-standard bounce formats, as a table of recognizers: each names an MTA or provider and how to
 * know its bounces (the markers its text and headers carry). Reading the recipients is the generic
 * reading unless a format needs its own; the first recognizer that matches names the format.
 */
final class TextFormats {

    /** A recognized format: its name and how its recipients are read. */
    interface Format {
        String name();

        List<TextRecipients.Found> recipients(BounceReader.Context c, Limits limits);
    }

    /** How a format's recipients are read from its text. */
    interface RecipientReader {
        List<TextRecipients.Found> read(BounceReader.Context c, Limits limits);
    }

    /** A format known by its markers, its recipients read the generic way unless it names its own reader. */
    record Marked(String name, Predicate<Probe> test, RecipientReader reader) implements Format {
        Marked(String name, Predicate<Probe> test) {
            this(name, test, (c, limits) -> c.mentions());
        }

        @Override
        public List<TextRecipients.Found> recipients(BounceReader.Context c, Limits limits) {
            return reader.read(c, limits);
        }
    }

    /**
     * Postfix's notice: each recipient begins a paragraph of its own ("&lt;bob@example.org&gt;: host … said: …",
     * "&lt;bob@example.org&gt; (expanded from &lt;team@example.org&gt;): …"). An address quoted inside a reply, such
     * as the sender's bounce address in "&lt;bounces+x@example.net&gt;: unauthorized sender", is no recipient, which
     * matters when the notice comes without the header block that names the sender.
     */
    static List<TextRecipients.Found> postfixRecipients(BounceReader.Context c, Limits limits) {
        List<TextRecipients.Found> all = c.mentions();
        java.util.Set<String> starts = new java.util.HashSet<>();
        for (String line : c.lines()) {
            int close = line.startsWith("<") ? line.indexOf('>') : -1;
            if (close > 1 && close + 1 < line.length() && (line.charAt(close + 1) == ':' || line.startsWith(" (expanded from <", close + 1))) {
                starts.add(line.substring(1, close).toLowerCase(Locale.ROOT));
            }
        }
        java.util.Set<String> quoted = new java.util.HashSet<>(c.senders());
        for (TextRecipients.Found f : all) {
            if (!starts.contains(f.address().toLowerCase(Locale.ROOT))) {
                quoted.add(f.address());
            }
        }
        if (quoted.size() == c.senders().size() || quoted.size() - c.senders().size() == all.size()) {
            return all; // every address begins a paragraph, or none does (not the layout above)
        }
        // read again with the quoted addresses as the sender's: a recipient's text runs on past them
        return TextRecipients.find(c.lines(), quoted, limits.maxRecipients(), limits.maxFieldChars());
    }

    /** What a recognizer looks at: the sender's address, the subject and the readable text, lower case. */
    record Probe(String from, String subject, String text) {
        boolean says(String s) {
            return text.contains(s);
        }
    }

    static final Format GENERIC = new Marked("generic", p -> true);

    private static final List<Marked> TABLE = List.of(
            new Marked("postfix", p -> p.says("this is the mail system at host") || p.says("postfix program"), TextFormats::postfixRecipients),
            new Marked("exim", p -> p.says("this message was created automatically by mail delivery software")
                    || p.says("smtp error from remote mail server")),
            new Marked("qmail", p -> p.says("this is the qmail-send program") || p.says("i'm afraid i wasn't able to deliver")
                    || p.says("below this line is a copy of the message")),
            new Marked("sendmail", p -> p.says("----- transcript of session follows -----")
                    || p.says("the following addresses had permanent fatal errors")),
            // Gmail's notices before 2019, and its "** Address not found **"-style ones since, from its own sender
            new Marked("gmail", p -> p.says("delivery to the following recipient failed") || p.says("google tried to deliver your message")
                    || p.from.endsWith("googlemail.com") && p.says("the response from the remote server was")),
            new Marked("google-groups", p -> p.from.endsWith("googlemail.com") && p.says("google groups") || p.says("groups.google.com")),
            new Marked("office365", p -> p.says("diagnostic information for administrators") || p.says("delivery has failed to these recipients")),
            new Marked("exchange", p -> p.says("did not reach the following recipient") || p.says("msexch")),
            new Marked("yahoo", p -> p.says("sorry, we were unable to deliver your message to the following address")),
            new Marked("opensmtpd", p -> p.says("this is the mailer-daemon, please do not reply")),
            new Marked("dragonfly", p -> p.says("dragonfly mail agent")),
            new Marked("notes", p -> p.says("------- failure reasons")),
            new Marked("courier", p -> p.says("courier mail server") || p.says("this is a delivery status notification from")),
            new Marked("amazon-ses", p -> p.says("\"notificationtype\"") || p.from.endsWith("amazonses.com")),
            new Marked("au-kddi", p -> p.says("could not be delivered to:") || p.from.endsWith("ezweb.ne.jp") || p.from.endsWith("dion.ne.jp")),
            new Marked("imail", p -> p.says("original message follows.")),
            new Marked("mxlogic", p -> p.says("included is a copy of the message header")),
            new Marked("gmx", p -> p.says("the header of the original message is following")),
            new Marked("verizon", p -> p.says("message could not be delivered to mobile")),
            new Marked("v5sendmail", p -> p.says("unsent message follows")));

    private TextFormats() {
    }

    static Format recognize(Headers top, String text) {
        String t = text.length() > 65536 ? text.substring(0, 65536) : text;
        Probe p = new Probe(String.join(",", top.addresses("From")), top.get("Subject").toLowerCase(Locale.ROOT), t.toLowerCase(Locale.ROOT));
        for (Marked f : TABLE) {
            if (f.test().test(p)) {
                return f;
            }
        }
        return GENERIC;
    }
}
