/**
 * SMTP replies and what they mean: {@link dev.smtpexplain.core.SmtpReply} parses a reply (strictly or
 * leniently), {@link dev.smtpexplain.core.Diagnoser} diagnoses it into a {@link dev.smtpexplain.core.Diagnosis}
 * with a {@link dev.smtpexplain.core.Category} from the failure taxonomy, and {@link dev.smtpexplain.core.ServerText}
 * makes untrusted server text safe to show.
 *
 * <p>This package is public API. Nothing in it is null unless marked {@code @Nullable}; an absent value is an
 * empty {@link java.util.Optional} or an empty list.
 */
@NullMarked
package dev.smtpexplain.core;

import org.jspecify.annotations.NullMarked;
