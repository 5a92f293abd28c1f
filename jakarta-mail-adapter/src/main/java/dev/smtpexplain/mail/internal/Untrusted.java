package dev.smtpexplain.mail.internal;

import jakarta.mail.MessagingException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Calls into exceptions the analysis did not make. An application's wrapper may override any of their
 * methods, and such an override may throw: a runtime exception, a checked one thrown undeclared (Kotlin,
 * Lombok's {@code @SneakyThrows}), or a stack overflow when {@code getMessage()} ends up calling itself.
 * None of that may escape an analysis that promises never to throw.
 */
final class Untrusted {

    private Untrusted() {
    }

    /** {@code method.get()}, or {@code otherwise} when it returns null or fails. */
    static <T> T call(Supplier<@Nullable T> method, T otherwise) {
        try {
            T value = method.get();
            return value == null ? otherwise : value;
        } catch (Exception | StackOverflowError e) {
            return otherwise;
        }
    }

    /** An exception's message: "" for none, and "" when {@code getMessage()} fails. */
    static String message(@Nullable Throwable t) {
        return t == null ? "" : call(t::getMessage, "");
    }

    /**
     * The exception after {@code t} in its chain, null at the end or when asking fails. A {@code MessagingException}'s
     * next exception (its {@code getCause()} returns that too; {@code initCause} is blocked there), else the cause.
     */
    static @Nullable Throwable next(Throwable t) {
        return t instanceof MessagingException me ? call(me::getNextException, null) : call(t::getCause, null);
    }
}
