/**
 * Message catalogs in every shipped language and the {@link dev.smtpexplain.i18n.Explainer} that renders a
 * diagnosis with ICU4J. {@code dev.smtpexplain.i18n.internal} is not exported.
 */
module dev.smtpexplain.i18n {
    requires transitive dev.smtpexplain.core;
    requires com.ibm.icu;
    requires static org.jspecify;

    exports dev.smtpexplain.i18n;
}
