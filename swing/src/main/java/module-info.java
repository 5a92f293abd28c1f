/**
 * A Swing dialog and panel that show a send failure report in the reader's language
 * ({@link dev.smtpexplain.swing.SendFailureDialog}).
 */
module dev.smtpexplain.swing {
    requires transitive dev.smtpexplain.mail;
    requires transitive java.desktop;
    requires com.ibm.icu;
    requires static org.jspecify;

    exports dev.smtpexplain.swing;
}
