package dev.smtpexplain.swing;

import dev.smtpexplain.mail.ReportLayout;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.SendFailureReport;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ScrollPaneConstants;
import org.jspecify.annotations.Nullable;

/**
 * A modal dialog around {@link SendFailurePanel}, titled and laid out in the reader's language. The
 * window never gets taller than the screen's usable area (nor than {@value #MAX_HEIGHT} px): longer
 * content scrolls. Focus starts on Close, the default button; Escape closes the dialog, and Enter presses the focused
 * button (Space too), not Close.
 *
 * <p>Create and show it on the event dispatch thread:
 * <pre>{@code
 * SwingUtilities.invokeLater(() -> SendFailureDialog.show(frame, report, explainer.messages(report.locale())));
 * }</pre>
 *
 * <p>Like other Swing components, the dialog is not meant to be serialized; it has no serialized form.
 *
 * @serial exclude
 */
public final class SendFailureDialog extends JDialog {

    private static final long serialVersionUID = 1L;
    /** Fits a 1366x768 screen with a task bar and the window's title bar. */
    static final int MAX_HEIGHT = 680;

    private final SendFailurePanel panel;
    private final JButton close;
    private final JScrollPane scroll;

    /**
     * Creates the dialog, sized to fit the screen and placed over its owner; it is not shown yet. Call on
     * the event dispatch thread.
     *
     * @param owner the window the dialog belongs to and is centered on; null for none (centered on the screen)
     * @param report the report to show; its outcome is the dialog's title
     * @param messages the catalog of the reader's language, e.g. {@code explainer.messages(report.locale())}
     */
    public SendFailureDialog(@Nullable Window owner, SendFailureReport report, LocalizedMessages messages) {
        super(owner, new ReportLayout(messages).outcome(report.outcome()), ModalityType.APPLICATION_MODAL);
        panel = new SendFailurePanel(report, messages);
        scroll = new JScrollPane(panel, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED, ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        close = new JButton(messages.get("label.close"));
        close.setFont(Fonts.forText(close.getFont().deriveFont(14f), close.getText(), messages.locale()));
        close.addActionListener(e -> dispose());
        JPanel south = new JPanel();
        south.add(close);
        getContentPane().add(scroll, BorderLayout.CENTER);
        getContentPane().add(south, BorderLayout.PAGE_END);
        getRootPane().setDefaultButton(close);
        Keys.enterPresses(close);
        Keys.mnemonic(close, panel.detailsToggle(), panel.copyButton());
        // Escape closes, wherever the focus is: the keyboard user's usual way out of a modal dialog
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "close");
        getRootPane().getActionMap().put("close", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                dispose();
            }
        });
        // the title says the outcome; the description what went wrong
        getAccessibleContext().setAccessibleDescription(report.explanation().title());
        applyComponentOrientation(panel.getComponentOrientation());
        SendFailurePanel.applyLocale(this, messages.locale()); // the window and Close speak the reader's language too
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                close.requestFocusInWindow();
            }
        });
        fitToScreen();
        setLocationRelativeTo(owner);
    }

    /** {@return the panel inside} */
    public SendFailurePanel panel() {
        return panel;
    }

    /** The Close button. */
    JButton closeButton() {
        return close;
    }

    /** The scroll pane around the panel. */
    JScrollPane scrollPane() {
        return scroll;
    }

    /**
     * Sizes the window to its content, but never beyond the screen's usable area; the content scrolls.
     * A visible window is resized once, to the final size: packing it first would make the window
     * manager see it grow past the screen for a moment.
     */
    void fitToScreen() {
        if (!isDisplayable()) {
            pack();
        }
        Dimension preferred = getPreferredSize();
        Rectangle usable = usableScreen();
        // room for a vertical scroll bar, so the wrapped lines keep their width when it appears
        int width = Math.min(preferred.width + scroll.getVerticalScrollBar().getPreferredSize().width, usable.width);
        int height = Math.min(Math.min(preferred.height, usable.height), MAX_HEIGHT);
        setSize(new Dimension(width, height));
        validate();
        if (isShowing()) {
            // keep the window on the screen after it grew
            Rectangle b = getBounds();
            int x = Math.max(usable.x, Math.min(b.x, usable.x + usable.width - b.width));
            int y = Math.max(usable.y, Math.min(b.y, usable.y + usable.height - b.height));
            setLocation(x, y);
        }
    }

    private Rectangle usableScreen() {
        GraphicsConfiguration gc = getGraphicsConfiguration();
        if (gc == null) {
            return new Rectangle(0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
        }
        Rectangle b = gc.getBounds();
        Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(b.x + in.left, b.y + in.top, b.width - in.left - in.right, b.height - in.top - in.bottom);
    }

    /**
     * Shows the dialog and waits until it is closed. Call on the event dispatch thread; the dialog is
     * application-modal, so other windows of the application take no input meanwhile.
     *
     * @param owner the window the dialog belongs to and is centered on; null for none (centered on the screen)
     * @param report the report to show
     * @param messages the catalog of the reader's language
     */
    public static void show(@Nullable Window owner, SendFailureReport report, LocalizedMessages messages) {
        new SendFailureDialog(owner, report, messages).setVisible(true);
    }
}
