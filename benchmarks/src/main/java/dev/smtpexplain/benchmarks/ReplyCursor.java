package dev.smtpexplain.benchmarks;

import dev.smtpexplain.core.SmtpReply;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** One thread's position in the corpus: each call takes the next reply, wrapping around. */
@State(Scope.Thread)
public class ReplyCursor {

    private int next;

    SmtpReply next(SmtpReply[] replies) {
        return replies[advance(replies.length)];
    }

    String next(String[] replies) {
        return replies[advance(replies.length)];
    }

    private int advance(int length) {
        int i = next;
        next = i + 1 == length ? 0 : i + 1;
        return i;
    }
}
