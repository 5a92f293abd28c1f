/**
 * The rule engine, the reply parser and the code table behind {@code dev.smtpexplain.core}.
 *
 * <p><b>Internal:</b> not exported by the module {@code dev.smtpexplain.core} and not API. Do not depend on
 * anything here: it changes without notice.
 */
@NullMarked
package dev.smtpexplain.core.internal;

import org.jspecify.annotations.NullMarked;
