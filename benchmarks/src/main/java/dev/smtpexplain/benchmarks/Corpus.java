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

    private final String source;
    private final List<SmtpReply> replies;
    private final List<String> texts;

    private Corpus(String source, List<SmtpReply> replies, List<String> texts) {
        this.source = source;
        this.replies = List.copyOf(replies);
        this.texts = List.copyOf(texts);
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

    static Corpus of(String source, List<SmtpReply> replies, List<String> texts) {
        return new Corpus(source, replies, texts);
    }

    private static Corpus read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SmtpReply> replies = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Integer code = f[REPLY_CODE].isEmpty() ? null : Integer.valueOf(f[REPLY_CODE]);
            replies.add(reply(code, f[ENHANCED_STATUS], f[DIAGNOSTIC_TEXT]));
            texts.add(f[DIAGNOSTIC_TEXT]);
        }
        return new Corpus(file.toString(), replies, texts);
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
        return texts;
    }

    /** The replies as an array, for benchmark loops. */
    public SmtpReply[] toArray() {
        return replies.toArray(SmtpReply[]::new);
    }
}
