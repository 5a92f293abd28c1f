/**
 * The bounce reader behind {@code dev.smtpexplain.mail.bounce}: MIME walking, DSN fields, MTA text formats,
 * address and charset handling, limits.
 *
 * <p><b>Internal:</b> not exported by the module {@code dev.smtpexplain.mail} and not API. Do not depend on
 * anything here: it changes without notice.
 */
@NullMarked
package dev.smtpexplain.mail.bounce.internal;

import org.jspecify.annotations.NullMarked;
