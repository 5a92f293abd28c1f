/**
 * Explanations in the reader's language: {@link dev.smtpexplain.i18n.Explainer} renders a diagnosis as an
 * {@link dev.smtpexplain.i18n.Explanation} from the shipped ICU message catalogs, with an application's overrides;
 * {@link dev.smtpexplain.i18n.LocalizedMessages} gives one language's phrases and labels.
 *
 * <p>This package is public API. Nothing in it is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.smtpexplain.i18n;

import org.jspecify.annotations.NullMarked;
