package dev.smtpexplain.core;

import dev.smtpexplain.core.internal.CodeTable;
import java.util.List;
import java.util.Objects;

/** The codes smtp-explain knows by name, with their meanings. The lists are immutable; every method is thread-safe. */
public final class CodeRegistry {

    private CodeRegistry() {
    }

    /**
     * {@return every listed basic reply code (RFC 5321, its extensions, and common non-standard ones), in
     * ascending order} The list is immutable.
     */
    public static List<ReplyCode> replyCodes() {
        return CodeTable.codes();
    }

    /**
     * Every enhanced status code in the IANA registry, in registry order, with class 5 standing for the
     * class-independent registry entry {@code X.s.d}.
     *
     * @return a new immutable list on each call
     */
    public static List<EnhancedStatus> enhancedStatuses() {
        return CodeTable.statuses().stream().map(s -> EnhancedStatus.parse("5" + s.substring(1))).toList();
    }

    /**
     * Looks up the meaning of a basic code.
     *
     * @param code any code from 100 to 599, listed or not
     * @return the code's own meaning if it is listed, else one with only the keys of its class and area digits
     */
    public static CodeMeaning meaningOf(ReplyCode code) {
        return CodeTable.meaningOf(Objects.requireNonNull(code, "code"));
    }

    /**
     * Looks up the meaning of an enhanced status code.
     *
     * @param status any status code, registered or not
     * @return the registry's meaning if the code is registered, else one with only the keys of its class and
     *     subject
     */
    public static CodeMeaning meaningOf(EnhancedStatus status) {
        return CodeTable.meaningOf(Objects.requireNonNull(status, "status"));
    }
}
