package dev.smtpexplain.core;

/** Who has to act first to make the mail go through. */
public enum Actor {
    /** The person sending the message. */
    SENDER("sender"),
    /** The sender's mail provider or IT administrator. */
    SENDER_ADMIN("sender-admin"),
    /** The person the message is addressed to. */
    RECIPIENT("recipient"),
    /** The administrator of the recipient's mail system. */
    RECIPIENT_ADMIN("recipient-admin"),
    /** Nobody: the condition clears by itself or the system retries. */
    NOBODY("nobody");

    private final String id;

    Actor(String id) {
        this.id = id;
    }

    /** {@return the stable id used in JSON output and message keys, e.g. {@code sender-admin}} */
    public String id() {
        return id;
    }

    /**
     * Looks up an actor by its id.
     *
     * @param id an {@link #id() id} such as {@code sender-admin}; case-sensitive
     * @return the actor with that id
     * @throws IllegalArgumentException if no actor has that id
     */
    public static Actor fromId(String id) {
        for (Actor a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown actor id: " + id);
    }
}
