/**
 * The sender post-processor, message failures and text overrides behind {@code dev.smtpexplain.spring}.
 *
 * <p><b>Internal:</b> not API (the jar's automatic module {@code dev.smtpexplain.spring} cannot hide it, but
 * nothing here is promised). Do not depend on anything here: it changes without notice.
 */
@NullMarked
package dev.smtpexplain.spring.internal;

import org.jspecify.annotations.NullMarked;
