/**
 * Bounce messages (RFC 3464 delivery status notifications and the common MTA text formats) read into
 * localized reports: {@link dev.smtpexplain.mail.bounce.Bounces} gives a {@link dev.smtpexplain.mail.bounce.BounceReport}
 * with one {@link dev.smtpexplain.mail.bounce.BounceRecipient} per failed recipient; {@link dev.smtpexplain.mail.bounce.Mbox}
 * splits an mbox file.
 *
 * <p>This package is public API. Nothing in it is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.smtpexplain.mail.bounce;

import org.jspecify.annotations.NullMarked;
