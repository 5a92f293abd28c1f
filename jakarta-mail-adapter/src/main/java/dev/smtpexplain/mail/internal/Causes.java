package dev.smtpexplain.mail.internal;

import jakarta.mail.MessagingException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/** Finds Jakarta Mail's exception among the causes of a library's own (Commons Email's, Simple Java Mail's). */
public final class Causes {

    private Causes() {
    }

    /**
     * The first {@link MessagingException} in {@code thrown}'s chain of causes, {@code thrown} included: followed at most
     * {@value ExceptionChain#MAX_OTHER_LINKS} deep, a cycle ends the walk, and a {@code getCause()} that fails (throws,
     * or calls itself until the stack overflows) ends it too. Never throws.
     */
    public static Optional<MessagingException> firstMessagingException(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable t = thrown;
        for (int depth = 0; t != null && depth <= ExceptionChain.MAX_OTHER_LINKS && seen.add(t); depth++) {
            if (t instanceof MessagingException m) {
                return Optional.of(m);
            }
            Throwable current = t;
            t = Untrusted.call(current::getCause, null);
        }
        return Optional.empty();
    }
}
