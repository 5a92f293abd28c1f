package dev.smtpexplain.benchmarks;

import dev.smtpexplain.core.SmtpReply;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** One thread's position in the corpus: each call takes the next reply, wrapping around. */
@State(Scope.Thread)
public class ReplyCursor {

    private int next;

    SmtpReply next(SmtpReply[] replies) {
        int i = next;
        next = i + 1 == replies.length ? 0 : i + 1;
        return replies[i];
    }
}
