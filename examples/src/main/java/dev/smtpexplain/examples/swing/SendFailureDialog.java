package dev.smtpexplain.examples.swing;

import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.SendFailureReport;
import java.awt.BorderLayout;
import java.awt.Window;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JPanel;

/**
 * A modal dialog around {@link SendFailurePanel}, titled and laid out in the reader's language.
 *
 * <pre>{@code
 * SendFailureDialog.show(frame, report, explainer.messages(report.locale()));
 * }</pre>
 */
public final class SendFailureDialog extends JDialog {

    private static final long serialVersionUID = 1L;

    private final SendFailurePanel panel;

    public SendFailureDialog(Window owner, SendFailureReport report, LocalizedMessages messages) {
        super(owner, messages.get("report.title." + switch (report.outcome()) {
            case FAILED -> "failed";
            case PARTIALLY_DELIVERED -> "partial";
            case DELIVERED -> "delivered";
        }), ModalityType.APPLICATION_MODAL);
        panel = new SendFailurePanel(report, messages);
        JButton close = new JButton(messages.get("label.close"));
        close.setFont(Fonts.forText(close.getFont(), close.getText()));
        close.addActionListener(e -> dispose());
        JPanel south = new JPanel();
        south.add(close);
        getContentPane().add(panel, BorderLayout.CENTER);
        getContentPane().add(south, BorderLayout.PAGE_END);
        getRootPane().setDefaultButton(close);
        applyComponentOrientation(panel.getComponentOrientation());
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        pack();
        setLocationRelativeTo(owner);
    }

    /** The panel inside. */
    public SendFailurePanel panel() {
        return panel;
    }

    /** Shows the dialog and waits until it is closed. */
    public static void show(Window owner, SendFailureReport report, LocalizedMessages messages) {
        new SendFailureDialog(owner, report, messages).setVisible(true);
    }
}
