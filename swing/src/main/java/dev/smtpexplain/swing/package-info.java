/**
 * A Swing dialog ({@link dev.smtpexplain.swing.SendFailureDialog}) and panel
 * ({@link dev.smtpexplain.swing.SendFailurePanel}) that show a send failure report in the reader's language, with
 * ICU line breaking and right-to-left layout.
 *
 * <p>This package is public API. Nothing in it is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.smtpexplain.swing;

import org.jspecify.annotations.NullMarked;
