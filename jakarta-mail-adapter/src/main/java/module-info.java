/**
 * Localized reports for Jakarta Mail (Angus Mail) send failures: {@link dev.smtpexplain.mail.MailFailures},
 * {@link dev.smtpexplain.mail.ExplainingSender}, bounce messages ({@link dev.smtpexplain.mail.bounce.Bounces}) and the optional Guice module in {@code dev.smtpexplain.mail.guice}
 * (Guice is needed only when that package is used). {@code dev.smtpexplain.mail.internal} is exported to
 * {@code jakarta.mail} alone (it instantiates the transport there), {@code dev.smtpexplain.mail.bounce.internal} not at all.
 */
module dev.smtpexplain.mail {
    requires transitive dev.smtpexplain.i18n;
    requires transitive jakarta.mail;
    requires org.eclipse.angus.mail;
    requires org.eclipse.angus.mail.dsn;
    requires java.logging;
    requires static com.google.guice;
    requires static org.jspecify;

    exports dev.smtpexplain.mail;
    exports dev.smtpexplain.mail.bounce;
    exports dev.smtpexplain.mail.guice;

    // a Session that MailFailures.installTransport changed instantiates the transport reflectively
    exports dev.smtpexplain.mail.internal to jakarta.mail;
    // Guice calls the module's @Provides methods reflectively
    opens dev.smtpexplain.mail.guice to com.google.guice;
}
