package dev.smtpexplain.core;

/**
 * The failure taxonomy. Each constant has a stable kebab-case {@link #id() id} that appears in JSON
 * output and message keys; an id never changes meaning once released.
 *
 * <p>The defaults here (permanence, who acts, retry advice) are what the category implies on its own.
 * A {@link Diagnosis} refines permanence from the reply's class digit when there is one.
 */
public enum Category {
    /** The mailbox does not exist at the recipient's domain (typo, left the organization). */
    RECIPIENT_UNKNOWN("recipient-unknown", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** The recipient's domain does not exist or has no mail server. */
    RECIPIENT_DOMAIN_UNKNOWN("recipient-domain-unknown", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** The recipient has a new address; the server may name it. */
    RECIPIENT_MOVED("recipient-moved", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** The recipient's mailbox is over quota. */
    MAILBOX_FULL("mailbox-full", Permanence.UNDETERMINED, Actor.RECIPIENT, RetryAdvice.LATER),

    /** The mailbox exists but is disabled, suspended or inactive. */
    MAILBOX_DISABLED("mailbox-disabled", Permanence.PERMANENT, Actor.RECIPIENT, RetryAdvice.NEVER),

    /** The domain publishes that it accepts no mail (null MX, 521/556). */
    DOMAIN_DOES_NOT_ACCEPT_MAIL("domain-does-not-accept-mail", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.NEVER),

    /** The recipient or its system refuses mail from this sender specifically. */
    RECIPIENT_REFUSED("recipient-refused", Permanence.PERMANENT, Actor.RECIPIENT, RetryAdvice.NEVER),

    /** The message is larger than the server or mailbox accepts. */
    MESSAGE_TOO_BIG("message-too-big", Permanence.UNDETERMINED, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** Too many recipients in one message. */
    TOO_MANY_RECIPIENTS("too-many-recipients", Permanence.UNDETERMINED, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** The content was judged to be spam. */
    SPAM_DETECTED("spam-detected", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** A virus or dangerous attachment was found. */
    VIRUS_DETECTED("virus-detected", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** The content breaks the receiver's content rules (attachment type, encoding, headers). */
    CONTENT_REJECTED("content-rejected", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** The message is malformed per RFC 5322/5321 (duplicate headers, bad line endings). */
    MESSAGE_NOT_COMPLIANT("message-not-compliant", Permanence.PERMANENT, Actor.SENDER_ADMIN, RetryAdvice.AFTER_FIX),

    /** The sending IP or domain is on a blocklist or blocked by the receiver. */
    SENDER_BLOCKED("sender-blocked", Permanence.PERMANENT, Actor.SENDER_ADMIN, RetryAdvice.AFTER_FIX),

    /** The sender's IP or domain has a poor reputation with the receiver. */
    BAD_REPUTATION("bad-reputation", Permanence.UNDETERMINED, Actor.SENDER_ADMIN, RetryAdvice.LATER),

    /** SPF, DKIM or DMARC checks failed for the sender's domain. */
    SENDER_AUTHENTICATION_FAILED("sender-authentication-failed", Permanence.PERMANENT, Actor.SENDER_ADMIN, RetryAdvice.AFTER_FIX),

    /** The sending IP has no or a mismatched reverse DNS (PTR) name. */
    REVERSE_DNS_MISSING("reverse-dns-missing", Permanence.PERMANENT, Actor.SENDER_ADMIN, RetryAdvice.AFTER_FIX),

    /** The receiver rejected the sender (MAIL FROM) address or its domain. */
    SENDER_REJECTED("sender-rejected", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** Your account may not send with that From / envelope sender address. */
    SENDER_NOT_PERMITTED("sender-not-permitted", Permanence.PERMANENT, Actor.SENDER_ADMIN, RetryAdvice.AFTER_FIX),

    /** The server will not relay for this client (not authenticated or wrong server). */
    RELAY_DENIED("relay-denied", Permanence.PERMANENT, Actor.SENDER_ADMIN, RetryAdvice.AFTER_FIX),

    /** A local policy of the receiver forbids this message. */
    POLICY_VIOLATION("policy-violation", Permanence.PERMANENT, Actor.RECIPIENT_ADMIN, RetryAdvice.NEVER),

    /** Too many messages or recipients in a short time; the receiver throttles. */
    RATE_LIMITED("rate-limited", Permanence.TEMPORARY, Actor.NOBODY, RetryAdvice.LATER),

    /** Too many simultaneous connections from the sender. */
    TOO_MANY_CONNECTIONS("too-many-connections", Permanence.TEMPORARY, Actor.NOBODY, RetryAdvice.AUTOMATIC),

    /** Greylisting: the receiver defers first contact and accepts a later retry. */
    GREYLISTED("greylisted", Permanence.TEMPORARY, Actor.NOBODY, RetryAdvice.AUTOMATIC),

    /** The sender's own account reached its daily or hourly sending quota. */
    SENDING_QUOTA_EXCEEDED("sending-quota-exceeded", Permanence.TEMPORARY, Actor.SENDER, RetryAdvice.LATER),

    /** The server requires an encrypted connection (STARTTLS) or REQUIRETLS failed. */
    REQUIRES_TLS("requires-tls", Permanence.PERMANENT, Actor.SENDER_ADMIN, RetryAdvice.AFTER_FIX),

    /** The server requires login (SMTP AUTH) before sending. */
    AUTHENTICATION_REQUIRED("authentication-required", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** Login failed: wrong user or password, app password needed, or method disabled. */
    AUTHENTICATION_FAILED("authentication-failed", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** The server had an internal or local error. */
    SERVER_ERROR("server-error", Permanence.UNDETERMINED, Actor.RECIPIENT_ADMIN, RetryAdvice.LATER),

    /** The server is out of storage. */
    SERVER_STORAGE_FULL("server-storage-full", Permanence.TEMPORARY, Actor.RECIPIENT_ADMIN, RetryAdvice.LATER),

    /** The server is not available now and closed the connection (421). */
    SERVICE_UNAVAILABLE("service-unavailable", Permanence.TEMPORARY, Actor.NOBODY, RetryAdvice.LATER),

    /** The message could not be delivered before its time ran out. */
    DELIVERY_EXPIRED("delivery-expired", Permanence.PERMANENT, Actor.NOBODY, RetryAdvice.AFTER_FIX),

    /** Routing or network problem between servers (no answer, loop, bad connection). */
    NETWORK_ERROR("network-error", Permanence.TEMPORARY, Actor.SENDER_ADMIN, RetryAdvice.LATER),

    /** The client sent a command the server did not understand or accept (500-504). */
    PROTOCOL_ERROR("protocol-error", Permanence.PERMANENT, Actor.SENDER_ADMIN, RetryAdvice.AFTER_FIX),

    /** The address or message needs SMTPUTF8, which the server does not support. */
    UTF8_NOT_SUPPORTED("utf8-not-supported", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.AFTER_FIX),

    /** The sending service keeps the address on a suppression list. */
    SUPPRESSED("suppressed", Permanence.PERMANENT, Actor.SENDER, RetryAdvice.NEVER),

    /** No SMTP conversation: host not found, connection refused or timed out. */
    CONNECTION_FAILED("connection-failed", Permanence.TEMPORARY, Actor.SENDER_ADMIN, RetryAdvice.LATER),

    /** The TLS handshake failed (certificate untrusted, name mismatch, protocol). */
    TLS_HANDSHAKE_FAILED("tls-handshake-failed", Permanence.PERMANENT, Actor.SENDER_ADMIN, RetryAdvice.AFTER_FIX),

    /** None of the above; the digits still tell class and area. */
    UNKNOWN("unknown", Permanence.UNDETERMINED, Actor.SENDER, RetryAdvice.LATER);

    private final String id;
    private final Permanence defaultPermanence;
    private final Actor actor;
    private final RetryAdvice retryAdvice;

    Category(String id, Permanence defaultPermanence, Actor actor, RetryAdvice retryAdvice) {
        this.id = id;
        this.defaultPermanence = defaultPermanence;
        this.actor = actor;
        this.retryAdvice = retryAdvice;
    }

    /** {@return the stable id used in JSON output and message keys, e.g. {@code recipient-unknown}} */
    public String id() {
        return id;
    }

    /**
     * {@return the permanence the category implies on its own} {@link Permanence#UNDETERMINED} means it
     * can be either; a {@link Diagnosis} takes the reply's class digit first when there is one.
     */
    public Permanence defaultPermanence() {
        return defaultPermanence;
    }

    /** {@return who must act first to make the mail go through} */
    public Actor actor() {
        return actor;
    }

    /** {@return whether and when sending the message again helps} */
    public RetryAdvice retryAdvice() {
        return retryAdvice;
    }

    /**
     * Looks up a category by its id.
     *
     * @param id an {@link #id() id} such as {@code mailbox-full}; case-sensitive
     * @return the category with that id
     * @throws IllegalArgumentException if no category has that id
     */
    public static Category fromId(String id) {
        for (Category c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category id: " + id);
    }
}
