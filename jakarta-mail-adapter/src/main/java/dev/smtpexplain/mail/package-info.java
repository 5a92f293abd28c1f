/**
 * Localized reports for Jakarta Mail (Angus Mail) send failures: {@link dev.smtpexplain.mail.MailFailures}
 * explains a caught {@code MessagingException}, {@link dev.smtpexplain.mail.ExplainingSender} sends and throws a
 * {@link dev.smtpexplain.mail.ExplainedSendFailedException} carrying a {@link dev.smtpexplain.mail.SendFailureReport},
 * {@link dev.smtpexplain.mail.ReportingTransportListener} reports from transport events, and
 * {@link dev.smtpexplain.mail.ReportLayout} is the one layout of a report's lines.
 *
 * <p>This package is public API. Nothing in it is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.smtpexplain.mail;

import org.jspecify.annotations.NullMarked;
