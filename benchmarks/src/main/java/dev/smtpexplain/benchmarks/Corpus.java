package dev.smtpexplain.benchmarks;

import dev.smtpexplain.core.SmtpReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The replies the throughput benchmarks diagnose: the labeled corpus {@code ../shared/eval/sisimai-replies.tsv}
 * (relative to the repository root, or the file named by the system property {@value #PROPERTY}), or a
 * {@link GeneratedCorpus generated mix of the same shape} where that file is absent.
 */
public final class Corpus {

    /** System property naming the corpus file. */
    public static final String PROPERTY = "smtpexplain.corpus";

    static final String DEFAULT_FILE = "../shared/eval/sisimai-replies.tsv";

    private static final int REPLY_CODE = 1;
    private static final int ENHANCED_STATUS = 2;
    private static final int DIAGNOSTIC_TEXT = 3;

    /**
     * One row as the corpus gives it: the reply code (null where none was recorded), the enhanced
     * status (empty where none) and the diagnostic text as written.
     */
    record Row(Integer code, String status, String text) {

        /** The reply built from the three columns, the way an application that has them apart would. */
        SmtpReply reply() {
            return Corpus.reply(code, status, text);
        }

        /**
         * The reply as one string, as a caller that logged the server's answer holds it: the text alone
         * where it has no code or already starts with its code ({@code "550 5.1.1 ..."}), else the code
         * and status put before it ({@code "550 5.1.1 " + text}).
         */
        String rawReply() {
            if (code == null || startsWithCode(text, code)) {
                return text;
            }
            return code + (status.isEmpty() ? "" : " " + status) + " " + text;
        }

        /** The row as a line of the CLI's batch format: {@code code<TAB>status<TAB>text}. */
        String batchLine() {
            return (code == null ? "" : code.toString()) + "\t" + status + "\t" + text;
        }

        private static boolean startsWithCode(String text, int code) {
            String digits = Integer.toString(code);
            return text.startsWith(digits)
                    && (text.length() == digits.length() || text.charAt(digits.length()) == ' ' || text.charAt(digits.length()) == '-');
        }
    }

    private final String source;
    private final List<Row> rows;
    private final List<SmtpReply> replies;

    private Corpus(String source, List<Row> rows) {
        this.source = source;
        this.rows = List.copyOf(rows);
        this.replies = this.rows.stream().map(Row::reply).toList();
    }

    /** The shared corpus when present, else the generated mix. */
    public static Corpus load() {
        Path file = file();
        return Files.isRegularFile(file) ? read(file) : GeneratedCorpus.create();
    }

    /** Where the corpus is looked for. */
    public static Path file() {
        return Path.of(System.getProperty(PROPERTY, DEFAULT_FILE)).toAbsolutePath().normalize();
    }

    static Corpus of(String source, List<Row> rows) {
        return new Corpus(source, rows);
    }

    private static Corpus read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Integer code = f[REPLY_CODE].isEmpty() ? null : Integer.valueOf(f[REPLY_CODE]);
            rows.add(new Row(code, f[ENHANCED_STATUS], f[DIAGNOSTIC_TEXT]));
        }
        return new Corpus(file.toString(), rows);
    }

    /** A reply from its columns; a status the parser refuses is dropped, as an application would. */
    static SmtpReply reply(Integer code, String status, String text) {
        try {
            return SmtpReply.of(code, status, text);
        } catch (IllegalArgumentException e) {
            return SmtpReply.of(code, null, text);
        }
    }

    /** The file read, or "generated" for the generated mix. */
    public String source() {
        return source;
    }

    /** The replies, parsed once. */
    public List<SmtpReply> replies() {
        return replies;
    }

    /** The diagnostic texts as written, in the same order. */
    public List<String> texts() {
        return rows.stream().map(Row::text).toList();
    }

    /** The replies as single strings, as a caller holds them (see {@link Row#rawReply()}), in the same order. */
    public List<String> rawReplies() {
        return rows.stream().map(Row::rawReply).toList();
    }

    /** The rows as lines of the CLI's batch format, in the same order. */
    public List<String> batchLines() {
        return rows.stream().map(Row::batchLine).toList();
    }

    /** The replies as an array, for benchmark loops. */
    public SmtpReply[] toArray() {
        return replies.toArray(SmtpReply[]::new);
    }
}
