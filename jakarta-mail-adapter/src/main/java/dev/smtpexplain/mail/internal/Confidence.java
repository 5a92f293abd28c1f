package dev.smtpexplain.mail.internal;

/**
 * How sure the adapter is of what it found, in one place. The explainer turns these into the words the
 * reader sees (0.75 and up: high, 0.45 and up: medium, below: low); core's own values for replies live
 * in {@code Diagnoser}.
 */
final class Confidence {

    /** An exception type or an Angus message that says exactly what happened (refused connection, TLS). */
    static final double SIGNATURE = 0.9;
    /** A failure that is clear in kind but not in cause (a lost connection, a failed login). */
    static final double LIKELY = 0.8;
    /** A reply that is not SMTP at all: certainly a protocol error, of unknown origin. */
    static final double UNEXPECTED_REPLY = 0.7;
    /** A reply the rules could not place, given the category its stage suggests. */
    static final double STAGE_DEFAULT = 0.5;
    /** A guess from weak signs (no recipients given). */
    static final double WEAK = 0.3;
    /** Nothing to go on. */
    static final double NOTHING = 0.1;

    private Confidence() {
    }
}
