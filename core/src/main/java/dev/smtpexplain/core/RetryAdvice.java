package dev.smtpexplain.core;

/** Whether sending the message again can help, and when. */
public enum RetryAdvice {
    /** Sending the same message again will not help. */
    NEVER("never"),
    /** Change something first (address, content, settings), then send again. */
    AFTER_FIX("after-fix"),
    /** Send again after a while. */
    LATER("later"),
    /** The sending server or client retries by itself; wait. */
    AUTOMATIC("automatic"),
    /**
     * It is not known whether the failure is temporary: a later try may work or may fail the same way.
     * Given where the reply's class is unknown and the category could be either, and to a send whose delivery
     * nobody confirmed ({@link Diagnosis#deliveryUnconfirmed()}): it may not need sending again at all.
     */
    UNCERTAIN("uncertain");

    private final String id;

    RetryAdvice(String id) {
        this.id = id;
    }

    /** {@return the stable id used in JSON output and message keys, e.g. {@code after-fix}} */
    public String id() {
        return id;
    }

    /**
     * Looks up retry advice by its id.
     *
     * @param id an {@link #id() id} such as {@code after-fix}; case-sensitive
     * @return the advice with that id
     * @throws IllegalArgumentException if no advice has that id
     */
    public static RetryAdvice fromId(String id) {
        for (RetryAdvice r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown retry advice id: " + id);
    }
}
