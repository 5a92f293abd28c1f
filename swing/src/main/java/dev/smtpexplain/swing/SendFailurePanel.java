package dev.smtpexplain.swing;

import dev.smtpexplain.core.Permanence;
import dev.smtpexplain.mail.ReportLayout;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.ComponentOrientation;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.accessibility.AccessibleContext;

/**
 * Shows a {@link SendFailureReport} the way a mail client does: an icon by severity, the title and
 * summary in the reader's language, the things to try, one line per refused or deferred recipient, and
 * a collapsible technical-details section with the server's reply and a copy button.
 *
 * <p>Every text is shown in a {@link TextBlock}: plain text, never markup, wrapped only at the
 * language's line break opportunities. The panel lays out right to left for right-to-left languages,
 * picks fonts that have the glyphs (a CJK face for Japanese and Chinese) and shows a warning when no
 * installed font has them. Inside a scroll pane it follows the viewport's width and scrolls vertically.
 *
 * <p>Create and use it on the event dispatch thread. Like other Swing components, the panel is not meant
 * to be serialized; it has no serialized form.
 *
 * @serial exclude
 */
public final class SendFailurePanel extends JPanel implements Scrollable {

    private static final long serialVersionUID = 1L;
    /** How long the Copy button says that the details were copied. */
    static final int COPY_CONFIRMATION_MS = 3000;
    /** The width body text is wrapped to. */
    static final int WIDTH = 640;
    /** Indic scripts need a larger size than Latin for their matras and conjuncts to be legible. */
    private static final Set<String> LARGE_SCRIPT_LANGUAGES = Set.of("gu", "hi", "mr", "bn", "ta");

    private final transient SendFailureReport report;
    private final transient LocalizedMessages messages;
    private final Locale locale;
    private final boolean rightToLeft;
    private final float bodySize;
    private final JPanel details;
    private final JToggleButton detailsToggle;
    private final JButton copyButton;
    private final Timer copyConfirmation;
    private final List<TextBlock> blocks = new ArrayList<>();
    private final TextBlock glyphWarning;

    /**
     * Creates the panel, with the technical details collapsed.
     *
     * @param report the report to show
     * @param messages the catalog of the reader's language, e.g. {@code explainer.messages(report.locale())};
     *     it decides the texts, the layout direction and the fonts
     */
    public SendFailurePanel(SendFailureReport report, LocalizedMessages messages) {
        super(new BorderLayout(12, 8));
        this.report = report;
        this.messages = messages;
        this.locale = messages.locale();
        this.rightToLeft = messages.isRightToLeft();
        this.bodySize = LARGE_SCRIPT_LANGUAGES.contains(locale.getLanguage()) ? 17f : 14f;
        Explanation e = report.explanation();
        ReportLayout layout = new ReportLayout(messages);
        setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));

        JLabel icon = new JLabel(severityIcon(e.diagnosis().permanence(), report.outcome()));
        icon.setVerticalAlignment(SwingConstants.TOP);
        // what the icon tells a sighted reader: some recipients only, or how lasting the failure is
        icon.getAccessibleContext().setAccessibleName(report.outcome() == SendFailureReport.Outcome.PARTIALLY_DELIVERED
                || report.outcome() == SendFailureReport.Outcome.UNCONFIRMED ? layout.outcome(report.outcome()) : e.permanenceLabel());
        add(icon, BorderLayout.LINE_START);

        JPanel body = new JPanel();
        body.setLayout(new BoxLayout(body, BoxLayout.PAGE_AXIS));
        body.add(text(layout.outcome(report.outcome()), Font.BOLD, 1.25f));
        String stage = layout.stageSentence(report.outcome(), report.stage());
        if (!stage.isEmpty()) {
            body.add(text(stage, Font.PLAIN, 1.0f));
        }
        body.add(Box.createVerticalStrut(8));
        body.add(text(e.title(), Font.BOLD, 1.0f));
        body.add(Box.createVerticalStrut(4));
        body.add(text(e.summary(), Font.PLAIN, 1.0f));
        report.transportDetail().ifPresent(detail -> body.add(text(detail, Font.ITALIC, 1.0f)));
        body.add(Box.createVerticalStrut(10));
        body.add(text(messages.get("label.whatToTry"), Font.BOLD, 1.0f));
        int n = 1;
        for (String a : e.advice()) {
            body.add(text(n++ + ". " + a, Font.PLAIN, 1.0f));
        }
        if (!report.recipientFailures().isEmpty() || !report.acceptedRecipients().isEmpty() || !report.notAttemptedRecipients().isEmpty()
                || !report.unconfirmedRecipients().isEmpty()) {
            body.add(Box.createVerticalStrut(10));
            recipients(body, report, layout);
        }
        body.add(Box.createVerticalStrut(10));
        body.add(text(layout.labelled("label.whoActs", e.whoActsText()), Font.PLAIN, 1.0f));
        body.add(text(layout.questionAnswer("label.retry", e.retryText()), Font.PLAIN, 1.0f));
        add(body, BorderLayout.CENTER);

        details = new JPanel(new BorderLayout(4, 4));
        String technical = technicalText(report, messages);
        String replies = serverReplies(report, messages);
        details.add(text(technical, Font.PLAIN, 0.9f), BorderLayout.PAGE_START);
        // SMTP replies read left to right whatever the reader's language: their own block keeps their order; none without a reply
        TextBlock replyBlock = replies.isEmpty() ? null
                : new TextBlock(replies, new Font(Font.MONOSPACED, Font.PLAIN, Math.round(bodySize * 0.9f)), Locale.ROOT, false, WIDTH);
        if (replyBlock != null) {
            blocks.add(replyBlock);
            details.add(replyBlock, BorderLayout.CENTER);
        }
        details.setVisible(false);
        // pasted elsewhere, the details say at which stage it failed (an unconfirmed send's detail says where the answer
        // was missing): shown, the body above says so already
        String where = layout.stageSentence(report.outcome(), report.stage());
        String copied = String.join("\n", java.util.stream.Stream.of(where.isEmpty() ? report.transportDetail().orElse("") : where,
                technical, replies).filter(part -> !part.isEmpty()).toList());

        detailsToggle = new DisclosureButton(messages.get("label.technicalDetails"), details);
        detailsToggle.setIcon(disclosureIcon(false));
        detailsToggle.setFont(Fonts.forText(detailsToggle.getFont().deriveFont(bodySize * 0.9f), detailsToggle.getText(), locale));
        detailsToggle.addActionListener(ev -> setDetailsVisible(detailsToggle.isSelected()));
        copyButton = new JButton(messages.get("label.copy"));
        copyButton.setFont(Fonts.forText(copyButton.getFont().deriveFont(bodySize * 0.9f),
                copyButton.getText() + messages.get("label.copied"), locale));
        copyButton.addActionListener(ev -> {
            copyToClipboard(copied);
            confirmCopy();
        });
        Keys.mnemonic(detailsToggle);
        Keys.mnemonic(copyButton, detailsToggle);
        int copyMnemonicIndex = copyButton.getDisplayedMnemonicIndex();
        copyConfirmation = new Timer(COPY_CONFIRMATION_MS, ev -> {
            copyButton.setText(messages.get("label.copy"));
            copyButton.setDisplayedMnemonicIndex(copyMnemonicIndex);
        });
        copyConfirmation.setRepeats(false);
        for (javax.swing.AbstractButton b : List.of(detailsToggle, copyButton)) {
            Keys.enterPresses(b);
            Keys.scrollsIntoViewOnFocus(b);
        }
        JPanel buttons = new JPanel();
        buttons.setLayout(new BoxLayout(buttons, BoxLayout.LINE_AXIS));
        buttons.add(detailsToggle);
        buttons.add(Box.createHorizontalGlue());
        buttons.add(copyButton);

        JPanel south = new JPanel(new BorderLayout(4, 4));
        south.add(buttons, BorderLayout.PAGE_START);
        south.add(details, BorderLayout.CENTER);
        add(south, BorderLayout.PAGE_END);

        // letters no installed font can draw show as boxes: say so, in English too, which every font can draw
        boolean lacks = blocks.stream().anyMatch(TextBlock::lacksGlyphs)
                || detailsToggle.getFont().canDisplayUpTo(detailsToggle.getText()) != -1
                || copyButton.getFont().canDisplayUpTo(copyButton.getText()) != -1;
        if (lacks) {
            String local = messages.get("layout.missingFont");
            String english = Explainer.standard().messages(Locale.ENGLISH).get("layout.missingFont");
            glyphWarning = text(local.equals(english) ? english : local + "\n" + english, Font.BOLD, 0.9f);
            glyphWarning.setForeground(new Color(0xB0, 0x30, 0x00));
            body.add(glyphWarning, 0);
            body.add(Box.createVerticalStrut(8), 1);
        } else {
            glyphWarning = null;
        }

        applyComponentOrientation(rightToLeft ? ComponentOrientation.RIGHT_TO_LEFT : ComponentOrientation.LEFT_TO_RIGHT);
        if (replyBlock != null) {
            replyBlock.setComponentOrientation(ComponentOrientation.LEFT_TO_RIGHT);
        }
        applyLocale(this, locale);
    }

    /**
     * Gives a component and everything in it the locale: a {@code JComponent} takes the JVM's default when created
     * rather than its parent's, and assistive technology picks its voice by the accessible locale.
     */
    static void applyLocale(java.awt.Component c, Locale locale) {
        c.setLocale(locale);
        if (c instanceof java.awt.Container k) {
            for (java.awt.Component child : k.getComponents()) {
                applyLocale(child, locale);
            }
        }
    }

    /** {@return the report shown} */
    public SendFailureReport report() {
        return report;
    }

    /**
     * {@return every text the panel shows, as an immutable list: for tests and accessibility tools} The
     * texts come in reading order, the technical details and the server's replies included whether shown
     * or collapsed; the missing-font warning, shown on top, comes last.
     */
    public List<String> shownTexts() {
        return blocks.stream().map(TextBlock::text).toList();
    }

    /** The text blocks, in order. */
    List<TextBlock> textBlocks() {
        return List.copyOf(blocks);
    }

    /** {@return whether the panel warns that some letters have no installed font} */
    public boolean warnsAboutMissingGlyphs() {
        return glyphWarning != null;
    }

    /** {@return whether the technical details are expanded; false until the reader opens them} */
    public boolean isDetailsVisible() {
        return details.isVisible();
    }

    /** The details section (for tests: whether it is on screen). */
    JComponent detailsSection() {
        return details;
    }

    /** The button that shows and hides the details. */
    JToggleButton detailsToggle() {
        return detailsToggle;
    }

    /** The button that copies the details. */
    JButton copyButton() {
        return copyButton;
    }

    /**
     * Says on the Copy button, for a few seconds, that the details were copied: nothing else shows it. The name
     * change is announced, so a screen reader on the button says so too.
     */
    private void confirmCopy() {
        String before = copyButton.getText();
        copyButton.setText(messages.get("label.copied"));
        copyButton.getAccessibleContext().firePropertyChange(AccessibleContext.ACCESSIBLE_NAME_PROPERTY, before, copyButton.getText());
        copyConfirmation.restart();
    }

    /**
     * Expands or collapses the technical details; a dialog around the panel is resized to fit the screen,
     * and another window around it is packed. Call on the event dispatch thread.
     *
     * @param visible true to expand, false to collapse
     */
    public void setDetailsVisible(boolean visible) {
        details.setVisible(visible);
        detailsToggle.setSelected(visible);
        detailsToggle.setIcon(disclosureIcon(visible));
        revalidate();
        java.awt.Window window = SwingUtilities.getWindowAncestor(this);
        if (window instanceof SendFailureDialog d) {
            d.fitToScreen();
            if (visible) {
                // the details into view, but not the toggle out of it (where the focus is): from the toggle down, its top
                // first when that is taller than the view
                SwingUtilities.invokeLater(() -> {
                    int top = SwingUtilities.convertPoint(detailsToggle, 0, 0, this).y;
                    scrollRectToVisible(new Rectangle(0, top, 1, getHeight() - top));
                });
            }
        } else if (window != null) {
            window.pack();
        }
    }

    /** The disclosure triangle points the way the text runs, and down when open. */
    private DisclosureIcon disclosureIcon(boolean open) {
        DisclosureIcon.Direction d = open ? DisclosureIcon.Direction.DOWN
                : rightToLeft ? DisclosureIcon.Direction.LEFT : DisclosureIcon.Direction.RIGHT;
        return new DisclosureIcon(d, Math.round(bodySize * 0.7f));
    }

    private void recipients(JPanel p, SendFailureReport r, ReportLayout layout) {
        if (!r.acceptedRecipients().isEmpty()) {
            p.add(text(messages.format("report.recipients.accepted", Map.of("count", r.acceptedRecipients().size())), Font.BOLD, 1.0f));
            for (String a : r.acceptedRecipients()) {
                p.add(text("✓ " + layout.data(a), Font.PLAIN, 1.0f));
            }
        }
        List<RecipientFailure> rejected = r.recipientFailures().stream().filter(RecipientFailure::isRejected).toList();
        List<RecipientFailure> deferred = r.recipientFailures().stream().filter(f -> !f.isRejected()).toList();
        if (!rejected.isEmpty()) {
            p.add(text(messages.format("report.recipients.rejected", Map.of("count", rejected.size())), Font.BOLD, 1.0f));
            rejected.forEach(f -> p.add(text("✗ " + layout.recipientLine(f), Font.PLAIN, 1.0f)));
        }
        if (!deferred.isEmpty()) {
            p.add(text(messages.format("report.recipients.deferred", Map.of("count", deferred.size())), Font.BOLD, 1.0f));
            deferred.forEach(f -> p.add(text("↻ " + layout.recipientLine(f), Font.PLAIN, 1.0f)));
        }
        if (!r.notAttemptedRecipients().isEmpty()) {
            p.add(text(messages.format("report.recipients.notTried", Map.of("count", r.notAttemptedRecipients().size())), Font.BOLD, 1.0f));
            for (String a : r.notAttemptedRecipients()) {
                p.add(text("– " + layout.data(a), Font.PLAIN, 1.0f));
            }
        }
        if (!r.unconfirmedRecipients().isEmpty()) {
            p.add(text(messages.format("report.recipients.unconfirmed", Map.of("count", r.unconfirmedRecipients().size())), Font.BOLD, 1.0f));
            for (String a : r.unconfirmedRecipients()) {
                p.add(text("? " + layout.data(a), Font.PLAIN, 1.0f));
            }
        }
    }

    static String technicalText(SendFailureReport r, LocalizedMessages m) {
        ReportLayout layout = new ReportLayout(m);
        Explanation e = r.explanation();
        List<String> lines = new ArrayList<>();
        lines.addAll(layout.codeLines(e));
        lines.add(categoryLine(e, m, layout, r.foundBeforeAnyServer()));
        if (e.serverText().isPresent()) {
            lines.add(layout.heading("label.serverReply"));
        }
        return String.join("\n", lines);
    }

    /**
     * "Category: The recipient's address does not exist (recipient-unknown) · Confidence: Confident": the category's
     * title in the reader's language, its id beside it for looking it up and for support; the id alone where the
     * catalog has no title. A failure found before any server was contacted has the explanation's own title there: the
     * category's ("The mail server reported a problem") would say what did not happen.
     */
    static String categoryLine(Explanation e, LocalizedMessages m, ReportLayout layout, boolean foundBeforeAnyServer) {
        String titleKey = "category." + e.categoryId() + ".title";
        String category = foundBeforeAnyServer ? layout.parenthetical(e.title(), layout.data(e.categoryId()))
                : m.has(titleKey) ? layout.parenthetical(m.get(titleKey), layout.data(e.categoryId()))
                : layout.data(e.categoryId());
        return layout.labelled("label.category", category) + " · " + layout.labelled("label.confidence", e.confidenceLabel());
    }

    /** The server's replies, sanitized: the overall one, then each recipient's own. */
    static String serverReplies(SendFailureReport r, LocalizedMessages m) {
        StringBuilder sb = new StringBuilder(r.explanation().serverText().orElse(""));
        for (RecipientFailure f : r.recipientFailures()) {
            if (!f.reply().equals(r.explanation().diagnosis().reply())) {
                // left to right on purpose: an address and an SMTP reply, the separator of the replies' block
                sb.append('\n').append(f.address()).append(": ").append(f.explanation().serverText().orElse(""));
            }
        }
        return sb.toString().strip();
    }

    /** A wrapping, read-only, plain-text block in the reader's language: never interprets markup. */
    private TextBlock text(String s, int style, float scale) {
        Font base = UIManager.getFont("Label.font");
        base = base == null ? new Font(Font.DIALOG, Font.PLAIN, 12) : base;
        TextBlock t = new TextBlock(s, base.deriveFont(style, bodySize * scale), locale, rightToLeft, WIDTH);
        Color fg = UIManager.getColor("Label.foreground");
        t.setForeground(fg == null ? Color.BLACK : fg);
        blocks.add(t);
        return t;
    }

    private static Icon severityIcon(Permanence permanence, SendFailureReport.Outcome outcome) {
        String key = outcome == SendFailureReport.Outcome.PARTIALLY_DELIVERED || outcome == SendFailureReport.Outcome.UNCONFIRMED
                || permanence == Permanence.TEMPORARY
                ? "OptionPane.warningIcon" : "OptionPane.errorIcon";
        Icon i = UIManager.getIcon(key);
        return i != null ? i : UIManager.getIcon("OptionPane.informationIcon");
    }

    private static void copyToClipboard(String text) {
        if (!GraphicsEnvironment.isHeadless()) {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
        }
    }

    // Scrollable: follow the viewport's width, scroll vertically

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return Math.round(bodySize * 1.5f);
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return Math.max(visible.height - Math.round(bodySize * 3), Math.round(bodySize * 1.5f));
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return false;
    }
}
