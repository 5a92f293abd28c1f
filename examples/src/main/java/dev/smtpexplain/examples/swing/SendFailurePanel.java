package dev.smtpexplain.examples.swing;

import dev.smtpexplain.core.Permanence;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.ComponentOrientation;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.JToggleButton;
import javax.swing.UIManager;

/**
 * Shows a {@link SendFailureReport} the way a mail client does: an icon by severity, the title and
 * summary in the reader's language, the things to try, one line per refused recipient, and a
 * collapsible technical-details section with the server's reply and a copy button.
 *
 * <p>Every text is shown in a plain-text component: nothing from a server can be read as HTML. The
 * panel lays out right to left for right-to-left languages and picks a font that has the glyphs.
 */
public final class SendFailurePanel extends JPanel {

    private static final long serialVersionUID = 1L;
    static final int WIDTH = 560;

    private final transient SendFailureReport report;
    private final JPanel details;
    private final JToggleButton detailsToggle;
    private final JButton copyButton;
    private final List<String> shownTexts = new ArrayList<>();

    public SendFailurePanel(SendFailureReport report, LocalizedMessages messages) {
        super(new BorderLayout(12, 8));
        this.report = report;
        Explanation e = report.explanation();
        setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));

        JLabel icon = new JLabel(severityIcon(e.diagnosis().permanence(), report.outcome()));
        icon.setVerticalAlignment(JLabel.TOP);
        add(icon, BorderLayout.LINE_START);

        JPanel body = new JPanel();
        body.setLayout(new BoxLayout(body, BoxLayout.PAGE_AXIS));
        String headline = messages.get(switch (report.outcome()) {
            case FAILED -> "report.title.failed";
            case PARTIALLY_DELIVERED -> "report.title.partial";
            case DELIVERED -> "report.title.delivered";
        });
        body.add(text(headline, Font.BOLD, 1.25f));
        body.add(Box.createVerticalStrut(6));
        body.add(text(e.title(), Font.BOLD, 1.0f));
        body.add(Box.createVerticalStrut(4));
        body.add(text(e.summary(), Font.PLAIN, 1.0f));
        if (!report.detail().isEmpty()) {
            body.add(text(report.detail(), Font.ITALIC, 1.0f));
        }
        body.add(Box.createVerticalStrut(10));
        body.add(text(messages.get("label.whatToTry"), Font.BOLD, 1.0f));
        int n = 1;
        for (String a : e.advice()) {
            body.add(text(n++ + ". " + a, Font.PLAIN, 1.0f));
        }
        if (!report.recipientFailures().isEmpty() || !report.acceptedRecipients().isEmpty()) {
            body.add(Box.createVerticalStrut(10));
            body.add(recipients(report, messages));
        }
        body.add(Box.createVerticalStrut(10));
        body.add(text(messages.get("label.whoActs") + ": " + e.whoActs(), Font.PLAIN, 1.0f));
        body.add(text(messages.get("label.retry") + " " + e.retry(), Font.PLAIN, 1.0f));
        add(body, BorderLayout.CENTER);

        details = new JPanel(new BorderLayout(4, 4));
        String technical = technicalText(report, messages);
        String replies = serverReplies(report);
        details.add(text(technical, Font.PLAIN, 0.9f), BorderLayout.PAGE_START);
        // SMTP replies read left to right whatever the reader's language: their own block keeps their order
        JTextArea replyArea = text(replies, Font.PLAIN, 0.9f);
        replyArea.setFont(new Font(Font.MONOSPACED, Font.PLAIN, replyArea.getFont().getSize()));
        details.add(replyArea, BorderLayout.CENTER);
        details.setVisible(false);
        String copied = technical + "\n" + replies;

        detailsToggle = new JToggleButton("▸ " + messages.get("label.technicalDetails"));
        detailsToggle.setFont(Fonts.forText(detailsToggle.getFont(), detailsToggle.getText()));
        detailsToggle.addActionListener(ev -> setDetailsVisible(detailsToggle.isSelected(), messages));
        copyButton = new JButton(messages.get("label.copy"));
        copyButton.setFont(Fonts.forText(copyButton.getFont(), copyButton.getText()));
        copyButton.addActionListener(ev -> copyToClipboard(copied));
        JPanel buttons = new JPanel();
        buttons.setLayout(new BoxLayout(buttons, BoxLayout.LINE_AXIS));
        buttons.add(detailsToggle);
        buttons.add(Box.createHorizontalGlue());
        buttons.add(copyButton);

        JPanel south = new JPanel(new BorderLayout(4, 4));
        south.add(buttons, BorderLayout.PAGE_START);
        south.add(details, BorderLayout.CENTER);
        add(south, BorderLayout.PAGE_END);

        applyComponentOrientation(messages.isRightToLeft() ? ComponentOrientation.RIGHT_TO_LEFT : ComponentOrientation.LEFT_TO_RIGHT);
        replyArea.setComponentOrientation(ComponentOrientation.LEFT_TO_RIGHT);
    }

    /** The report shown. */
    public SendFailureReport report() {
        return report;
    }

    /** Every text the panel shows, in order: for tests and accessibility tools. */
    public List<String> shownTexts() {
        return List.copyOf(shownTexts);
    }

    /** Whether the technical details are expanded. */
    public boolean isDetailsVisible() {
        return details.isVisible();
    }

    /** Expands or collapses the technical details. */
    public void setDetailsVisible(boolean visible, LocalizedMessages messages) {
        details.setVisible(visible);
        detailsToggle.setSelected(visible);
        detailsToggle.setText((visible ? "▾ " : "▸ ") + messages.get("label.technicalDetails"));
        revalidate();
        Component top = javax.swing.SwingUtilities.getWindowAncestor(this);
        if (top instanceof java.awt.Window w) {
            w.pack();
        }
    }

    private JComponent recipients(SendFailureReport r, LocalizedMessages m) {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.PAGE_AXIS));
        p.setAlignmentX(Component.LEFT_ALIGNMENT);
        if (!r.acceptedRecipients().isEmpty()) {
            p.add(text(m.format("report.recipients.accepted", Map.of("count", r.acceptedRecipients().size())), Font.BOLD, 1.0f));
            for (String a : r.acceptedRecipients()) {
                p.add(text("✓ " + a, Font.PLAIN, 1.0f));
            }
        }
        if (!r.recipientFailures().isEmpty()) {
            p.add(text(m.format("report.recipients.rejected", Map.of("count", r.recipientFailures().size())), Font.BOLD, 1.0f));
            for (RecipientFailure f : r.recipientFailures()) {
                p.add(text("✗ " + m.format("report.recipient.line", Map.of("address", f.address(), "title", f.explanation().title())),
                        Font.PLAIN, 1.0f));
            }
        }
        if (!r.notAttemptedRecipients().isEmpty()) {
            p.add(text(m.format("report.recipients.notTried", Map.of("count", r.notAttemptedRecipients().size())), Font.BOLD, 1.0f));
            for (String a : r.notAttemptedRecipients()) {
                p.add(text("– " + a, Font.PLAIN, 1.0f));
            }
        }
        return p;
    }

    static String technicalText(SendFailureReport r, LocalizedMessages m) {
        StringBuilder sb = new StringBuilder();
        Explanation e = r.explanation();
        sb.append(m.get("label.stage")).append(": ").append(m.get(r.stage().messageKey())).append('\n');
        e.diagnosis().reply().code().ifPresent(c -> e.codeMeaning().ifPresent(meaning ->
                sb.append(m.format("label.replyCode", Map.of("code", c.toString()))).append(": ").append(meaning).append('\n')));
        e.diagnosis().reply().status().ifPresent(s -> e.statusMeaning().ifPresent(meaning ->
                sb.append(m.format("label.enhancedStatus", Map.of("status", s.toString()))).append(": ").append(meaning).append('\n')));
        sb.append(m.get("label.category")).append(": ").append(e.categoryId()).append(" · ").append(m.get("label.confidence"))
                .append(": ").append(e.confidence()).append('\n');
        if (!e.serverText().isEmpty()) {
            sb.append(m.get("label.serverReply")).append(':');
        }
        return sb.toString().strip();
    }

    /** The server's replies, sanitized: the overall one, then each recipient's own. */
    static String serverReplies(SendFailureReport r) {
        StringBuilder sb = new StringBuilder(r.explanation().serverText());
        for (RecipientFailure f : r.recipientFailures()) {
            if (!f.reply().equals(r.explanation().diagnosis().reply())) {
                sb.append('\n').append(f.address()).append(": ").append(f.explanation().serverText());
            }
        }
        return sb.toString().strip();
    }

    /** A wrapping, read-only, plain-text block: never interprets markup. */
    private JTextArea text(String s, int style, float scale) {
        JTextArea t = new JTextArea(s);
        t.setEditable(false);
        t.setFocusable(false);
        t.setLineWrap(true);
        t.setWrapStyleWord(true);
        t.setOpaque(false);
        t.setBorder(BorderFactory.createEmptyBorder(1, 0, 1, 0));
        t.setAlignmentX(Component.LEFT_ALIGNMENT);
        Font base = UIManager.getFont("Label.font");
        base = base == null ? t.getFont() : base;
        t.setFont(Fonts.forText(base.deriveFont(style, base.getSize2D() * scale), s));
        t.setForeground(UIManager.getColor("Label.foreground") == null ? Color.BLACK : UIManager.getColor("Label.foreground"));
        // size the wrapped text to the panel's width so BoxLayout gives it the right height
        t.setSize(new Dimension(WIDTH, Short.MAX_VALUE));
        t.setMaximumSize(new Dimension(WIDTH, t.getPreferredSize().height));
        shownTexts.add(s);
        return t;
    }

    private static Icon severityIcon(Permanence permanence, SendFailureReport.Outcome outcome) {
        String key = outcome == SendFailureReport.Outcome.PARTIALLY_DELIVERED || permanence == Permanence.TEMPORARY
                ? "OptionPane.warningIcon" : "OptionPane.errorIcon";
        Icon i = UIManager.getIcon(key);
        return i != null ? i : UIManager.getIcon("OptionPane.informationIcon");
    }

    private static void copyToClipboard(String text) {
        if (!GraphicsEnvironment.isHeadless()) {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
        }
    }
}
