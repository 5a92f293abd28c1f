package dev.smtpexplain.core;

import dev.smtpexplain.core.internal.CodeTable;
import java.util.List;

/** The codes smtp-explain knows by name, with their meanings. */
public final class CodeRegistry {

    private CodeRegistry() {
    }

    /** Every listed basic reply code (RFC 5321, its extensions, and common non-standard ones), ascending. */
    public static List<ReplyCode> replyCodes() {
        return CodeTable.codes();
    }

    /**
     * Every enhanced status code in the IANA registry, in registry order, with class 5 standing for the
     * class-independent registry entry {@code X.s.d}.
     */
    public static List<EnhancedStatus> enhancedStatuses() {
        return CodeTable.statuses().stream().map(s -> EnhancedStatus.parse("5" + s.substring(1))).toList();
    }

    /** The meaning of a basic code: its own if listed, else that of its digits. */
    public static CodeMeaning meaningOf(ReplyCode code) {
        return CodeTable.meaningOf(code);
    }

    /** The meaning of an enhanced status code: the registry's if registered, else that of its digits. */
    public static CodeMeaning meaningOf(EnhancedStatus status) {
        return CodeTable.meaningOf(status);
    }
}
