package dev.smtpexplain.benchmarks;

import dev.smtpexplain.core.SmtpReply;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The corpus's replies, parsed once and shared read-only by every benchmark thread. */
@State(Scope.Benchmark)
public class CorpusReplies {

    SmtpReply[] replies;

    @Setup(Level.Trial)
    public void load() {
        replies = Corpus.load().toArray();
        if (replies.length == 0) {
            throw new IllegalStateException("the corpus " + Corpus.file() + " has no replies");
        }
    }
}
