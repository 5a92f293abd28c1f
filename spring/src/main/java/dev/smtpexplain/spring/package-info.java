/**
 * Explained mail failures for Spring: {@link dev.smtpexplain.spring.MailExceptions},
 * {@link dev.smtpexplain.spring.ExplainingJavaMailSender} and {@link dev.smtpexplain.spring.MailProblemDetails}.
 *
 * <p>This package is public API. Nothing in it is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.smtpexplain.spring;

import org.jspecify.annotations.NullMarked;
