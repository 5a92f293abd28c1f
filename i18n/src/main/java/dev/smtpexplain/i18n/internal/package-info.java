/**
 * Catalog loading (the {@code gu-IN} → {@code gu} → English chain) and ICU formatting behind
 * {@code dev.smtpexplain.i18n}.
 *
 * <p><b>Internal:</b> not exported by the module {@code dev.smtpexplain.i18n} and not API. Do not depend on
 * anything here: it changes without notice.
 */
@NullMarked
package dev.smtpexplain.i18n.internal;

import org.jspecify.annotations.NullMarked;
