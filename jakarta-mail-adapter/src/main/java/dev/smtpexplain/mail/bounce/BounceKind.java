package dev.smtpexplain.mail.bounce;

/**
 * What a message in a sender's mailbox is, as far as delivery goes. {@link #id()} is the stable form
 * used in JSON and in the catalog keys {@code bounce.kind.<id>}.
 */
public enum BounceKind {
    /** A delivery status notification or an MTA's bounce: at least one recipient failed for good. */
    FAILED("failed"),
    /** A notice that delivery is delayed and still being tried. */
    DELAYED("delayed"),
    /** A success notice (DSN action delivered, relayed or expanded). */
    DELIVERED("delivered"),
    /** An automatic reply (vacation, out of office; RFC 3834), not a delivery failure. */
    AUTO_REPLY("auto-reply"),
    /** A feedback-loop report (ARF, RFC 5965): a recipient marked the message as spam or abuse. */
    FEEDBACK("feedback"),
    /** An ordinary message: no bounce, nothing failed. */
    NOT_BOUNCE("not-bounce"),
    /** The message could not be read at all (not MIME, or nothing but garbage). */
    UNREADABLE("unreadable");

    private final String id;

    BounceKind(String id) {
        this.id = id;
    }

    /** {@return the stable id used in JSON and catalog keys, e.g. {@code auto-reply}} */
    public String id() {
        return id;
    }

    /** {@return the catalog key naming this kind, e.g. {@code bounce.kind.failed}} */
    public String messageKey() {
        return "bounce.kind." + id;
    }

    /** {@return whether this kind reports recipients that did not get the message: true for failed and delayed} */
    public boolean isDeliveryProblem() {
        return this == FAILED || this == DELAYED;
    }
}
