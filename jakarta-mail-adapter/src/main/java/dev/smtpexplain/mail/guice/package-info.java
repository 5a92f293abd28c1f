/**
 * The Guice module ({@link dev.smtpexplain.mail.guice.SmtpExplainModule}) with multibinders for application
 * rules and text overrides. Guice is an optional dependency: only this package needs it.
 *
 * <p>This package is public API. Nothing in it is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.smtpexplain.mail.guice;

import org.jspecify.annotations.NullMarked;
