/**
 * Exception-chain analysis, stage bookkeeping, redaction and report text behind {@code dev.smtpexplain.mail}.
 *
 * <p><b>Internal:</b> not exported by the module {@code dev.smtpexplain.mail} and not API. Do not depend on
 * anything here: it changes without notice.
 */
@NullMarked
package dev.smtpexplain.mail.internal;

import org.jspecify.annotations.NullMarked;
