package dev.smtpexplain.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.bounce.BounceRecipient;
import dev.smtpexplain.mail.bounce.BounceReport;
import dev.smtpexplain.mail.bounce.Bounces;
import dev.smtpexplain.mail.bounce.Mbox;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smtp-explain bounce}: reads bounce messages and explains every failed recipient. */
@Command(name = "bounce", mixinStandardHelpOptions = true,
        description = {"Reads bounce messages (delivery status notifications and MTAs' own formats) and explains every failed recipient.",
                "A PATH is a message file, an mbox file (it starts with a 'From ' line), a directory (every file in it that starts "
                        + "as a message does or is named *.eml, and cur/ and new/ of a maildir; other files are named on stderr "
                        + "and skipped), "
                        + "or '-' for one message on standard input.",
                "File names are shown sanitized, in the text and in --json: control, escape, bidi and invisible characters "
                        + "removed, a line break read as a space."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every input was read", "1:some input could not be read (one error line each; the rest was still read), or "
                + "the output not written", "2:usage error (bad option or argument)", "141:the output's reader went away (| head)"})
@Examples({"smtp-explain bounce ~/Maildir/.Bounces",
        "smtp-explain bounce --lang gu failure.eml",
        "smtp-explain bounce --json bounces.mbox \\",
        "    | jq -r 'select(.category != null) | [.recipient, .category] | @tsv'"})
final class BounceCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Message files, mbox files, directories or maildirs; '-' reads one message from standard input.")
    List<String> paths;

    @CommandLine.Mixin
    LanguageOption language;

    @CommandLine.Mixin
    RulesOption rules;

    @Option(names = "--json", description = "Print one JSON object per line for each message and recipient.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private int failures;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = language.locale();
        Bounces bounces = rules.files.isEmpty() ? Bounces.standard() : Bounces.builder().diagnoser(rules.diagnoser()).build();
        try {
            readAll(out, bounces, locale);
        } catch (OutputGone e) {
            return 0; // Main turns the write error into the exit status
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    /** Thrown where the output can no longer be written (| head, a full disk): reading more would be for nothing. */
    private static final class OutputGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputGone() {
            super(null, null, false, false);
        }
    }

    private void readAll(PrintWriter out, Bounces bounces, Locale locale) {
        for (String p : paths) {
            if (p.equals("-")) {
                try {
                    emit(out, "-", 0, bounces.read(StandardInput.open(), locale), locale);
                } catch (IOException e) {
                    error("-", e);
                }
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                directory(out, path, bounces, locale);
            } else {
                file(out, path, bounces, locale);
            }
        }
    }

    private void directory(PrintWriter out, Path dir, Bounces bounces, Locale locale) {
        List<Path> files = new ArrayList<>();
        boolean maildir = Files.isDirectory(dir.resolve("cur")) && Files.isDirectory(dir.resolve("new"));
        for (Path d : maildir ? List.of(dir.resolve("cur"), dir.resolve("new")) : List.of(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
                for (Path f : s) {
                    if (Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")) {
                        files.add(f);
                    }
                }
            } catch (IOException e) {
                error(d.toString(), e);
            }
        }
        files.sort(null);
        for (Path f : files) {
            if (startsLikeMessage(f)) {
                file(out, f, bounces, locale);
            }
        }
    }

    // a folder of saved bounces may also hold a README or a spreadsheet of them: read as a notice's pasted text, a
    // list of addresses and statuses made up failed recipients. A file named on the command line is read whatever
    // it starts with; one found in a folder when it starts as a message or its name says it is one (".eml", which
    // may be a notice saved without its headers), and the others are named on stderr
    private boolean startsLikeMessage(Path f) {
        if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml")) {
            return true;
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(f)) {
            start = in.readNBytes(1024);
        } catch (IOException e) {
            return true; // file() reports why it cannot be read
        }
        if (start.length == 0 || Bounces.startsLikeMessage(start)) {
            return true; // an empty file is reported as such
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("smtp-explain: " + shownName(f.toString()) + ": skipped: it does not start as a message does "
                + "(a header field or an mbox 'From ' line); name it on its own to read it as a notice's text");
        err.flush();
        return false;
    }

    private void file(PrintWriter out, Path file, Bounces bounces, Locale locale) {
        String name = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            in.mark(8);
            byte[] start = in.readNBytes(5);
            in.reset();
            if (Mbox.looksLikeMbox(start)) {
                Mbox.read(in, Bounces.DEFAULT_MAX_BYTES, m -> emit(out, name, m.index(), bounces.read(m.bytes(), locale), locale));
            } else {
                emit(out, name, 0, bounces.read(in, locale), locale);
            }
        } catch (IOException e) {
            error(name, e);
        }
    }

    private void error(String file, IOException e) {
        failures++;
        PrintWriter err = spec.commandLine().getErr();
        err.println("smtp-explain: " + ReadError.message(file, e));
        err.flush();
    }

    /** Writes one message's report; index 0 means the file is one message, not an mbox. */
    private void emit(PrintWriter out, String file, int index, BounceReport r, Locale locale) {
        if (r.kind() == dev.smtpexplain.mail.bounce.BounceKind.UNREADABLE) {
            failures++;
            spec.commandLine().getErr().println("smtp-explain: " + shownName(file) + (index > 0 ? " #" + index : "")
                    + ": " + r.problem().orElse("unreadable"));
            spec.commandLine().getErr().flush();
        }
        if (json) {
            if (r.recipients().isEmpty()) {
                out.println(jsonLine(file, index, r, null).toString());
            }
            for (BounceRecipient rcpt : r.recipients()) {
                out.println(jsonLine(file, index, r, rcpt).toString());
            }
        } else {
            LocalizedMessages m = Explainer.standard().messages(locale);
            out.print(BounceRenderer.render(file, index, r, m, Terminal.detect()));
        }
        if (out.checkError()) {
            throw new OutputGone();
        }
    }

    static ObjectNode jsonLine(String file, int index, BounceReport r, BounceRecipient rcpt) {
        ObjectNode o = JsonReport.MAPPER.createObjectNode();
        o.put("file", shownName(file)); // as the text shows it: a name may hold escapes, line breaks or bidi controls
        if (index > 0) {
            o.put("message", index);
        } else {
            o.putNull("message");
        }
        o.put("kind", r.kind().id());
        o.put("format", r.format());
        if (rcpt == null) {
            for (String f : List.of("recipient", "action", "status", "code", "command", "category", "permanent", "retry", "acts",
                    "confidence", "rule", "matched", "lang", "title", "summary", "advice", "serverText", "remoteMta")) {
                o.putNull(f);
            }
        } else {
            o.put("recipient", rcpt.finalRecipient());
            if (rcpt.action().isEmpty()) {
                o.putNull("action"); // an automatic reply's or a complaint's address: no delivery action was reported
            } else {
                o.put("action", rcpt.action());
            }
            rcpt.status().ifPresentOrElse(s -> o.put("status", s), () -> o.putNull("status"));
            rcpt.replyCode().ifPresentOrElse(c -> o.put("code", c), () -> o.putNull("code"));
            rcpt.stage().ifPresentOrElse(s -> o.put("command", s.id()), () -> o.putNull("command"));
            if (rcpt.diagnosis().isPresent() && rcpt.explanation().isPresent()) {
                JsonReport.putVerdict(o, rcpt.explanation().get());
            } else {
                for (String f : List.of("category", "permanent", "retry", "acts", "confidence", "rule", "matched", "lang", "title", "summary", "advice")) {
                    o.putNull(f);
                }
            }
            o.put("serverText", rcpt.replyText());
            rcpt.remoteMta().ifPresentOrElse(s -> o.put("remoteMta", s), () -> o.putNull("remoteMta"));
        }
        r.reportingMta().ifPresentOrElse(s -> o.put("reportingMta", s), () -> o.putNull("reportingMta"));
        r.problem().ifPresent(p -> o.put("problem", p));
        return o;
    }

    /**
     * A file name as the text, the JSON and error lines show it: sanitized, since names come from the file system
     * (controls, escapes, bidi and invisible characters removed, a line break read as a space, at most 300 characters).
     */
    static String shownName(String file) {
        return ServerText.sanitize(file, 300, false);
    }
}
