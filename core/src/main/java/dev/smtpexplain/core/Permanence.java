package dev.smtpexplain.core;

/** Whether a failure will go away by itself. */
public enum Permanence {
    /** Sending the same message again, unchanged, will fail again (class 5). */
    PERMANENT("permanent"),
    /** The condition is expected to clear; a later attempt may succeed (class 4). */
    TEMPORARY("temporary"),
    /** Neither the reply nor the category tells which. */
    UNDETERMINED("undetermined");

    private final String id;

    Permanence(String id) {
        this.id = id;
    }

    /** {@return the stable id used in JSON output and message keys, e.g. {@code permanent}} */
    public String id() {
        return id;
    }
}
