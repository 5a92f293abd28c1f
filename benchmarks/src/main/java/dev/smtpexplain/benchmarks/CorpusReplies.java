package dev.smtpexplain.benchmarks;

import dev.smtpexplain.core.SmtpReply;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The corpus's replies, built once and shared read-only by every benchmark thread: parsed
 * ({@link SmtpReply}) and as the single strings a caller holds ({@link Corpus.Row#rawReply()}).
 */
@State(Scope.Benchmark)
public class CorpusReplies {

    SmtpReply[] replies;
    String[] rawReplies;

    @Setup(Level.Trial)
    public void load() {
        Corpus corpus = Corpus.load();
        replies = corpus.toArray();
        rawReplies = corpus.rawReplies().toArray(String[]::new);
        if (replies.length == 0) {
            throw new IllegalStateException("the corpus " + Corpus.file() + " has no replies");
        }
    }
}
