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

    /**
     * Looks up a permanence by its id, as {@link Category#fromId}, {@link Actor#fromId} and {@link RetryAdvice#fromId} do.
     *
     * @param id an {@link #id() id} such as {@code permanent}; case-sensitive
     * @return the permanence with that id
     * @throws IllegalArgumentException if no permanence has that id
     */
    public static Permanence fromId(String id) {
        for (Permanence p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown permanence id: " + id);
    }
}
