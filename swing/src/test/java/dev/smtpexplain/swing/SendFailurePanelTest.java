package dev.smtpexplain.swing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.examples.demo.DemoMailServer;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.SendFailureAnalyzer;
import dev.smtpexplain.mail.SendFailureReport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.awt.ComponentOrientation;
import java.awt.Container;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders the failure dialog's panel (headless) for a real partial failure against the demo server, in
 * English, Gujarati and Arabic. The PNGs stay under target/dialog/ for a person to look at.
 */
class SendFailurePanelTest {

    static DemoMailServer servers;
    static MessagingException partialFailure;

    @BeforeAll
    static void provokeAFailure() throws Exception {
        servers = DemoMailServer.start();
        partialFailure = sendTo(servers.mainPort(), "bob@example.test, nobody@example.test", "mail.smtp.sendpartial", "true");
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "gu", "ar"})
    void rendersTheReportInTheReadersLanguage(String tag) throws Exception {
        Locale locale = Locale.forLanguageTag(tag);
        SendFailureReport report = SendFailureAnalyzer.standard().analyze(partialFailure, locale);
        LocalizedMessages messages = Explainer.standard().messages(locale);
        SendFailurePanel[] holder = new SendFailurePanel[1];
        SwingUtilities.invokeAndWait(() -> {
            holder[0] = new SendFailurePanel(report, messages);
            holder[0].setDetailsVisible(true);
        });
        SendFailurePanel panel = holder[0];
        BufferedImage img = ComponentImages.onEventThread(() -> ComponentImages.render(panel));

        assertThat(panel.shownTexts()).contains(messages.get("report.title.partial"), report.explanation().title(),
                report.explanation().summary(), messages.get("label.whatToTry"));
        assertThat(String.join("\n", panel.shownTexts())).contains("bob@example.test", "nobody@example.test",
                messages.get("label.serverReply"));
        assertThat(panel.isDetailsVisible()).isTrue();
        assertThat(panel.getComponentOrientation())
                .isEqualTo(tag.equals("ar") ? ComponentOrientation.RIGHT_TO_LEFT : ComponentOrientation.LEFT_TO_RIGHT);
        // no text goes through a JLabel, which would render a server's "<html>" as markup
        assertThat(labels(panel, new java.util.ArrayList<>())).allSatisfy(l -> assertThat(l.getText()).isNullOrEmpty());
        assertThat(textAreas(panel, new java.util.ArrayList<>())).as("no JTextArea: its word wrap splits Indic clusters").isEmpty();
        Path png = Path.of("target", "dialog", "send-failure-" + tag + ".png");
        ComponentImages.writePng(panel, png);
        assertThat(Files.size(png)).isGreaterThan(5_000);
        assertThat(img.getWidth()).isGreaterThan(400);
        assertThat(img.getHeight()).isGreaterThan(300);
        assertThat(distinctColours(img)).as("the image is not blank").isGreaterThan(20);

        // every text block can show its own text: the chosen fonts have the glyphs, and no warning is shown
        org.junit.jupiter.api.Assumptions.assumeTrue(anyFontCanDisplay(report.explanation().title()),
                "no installed font has the glyphs for " + tag + ": install fonts-noto-core (as .ci/run does)");
        for (TextBlock t : panel.textBlocks()) {
            assertThat(t.lacksGlyphs()).as("fonts %s for %s", t.fonts(), t.text()).isFalse();
            // every line break of the layout is one ICU allows in this language
            java.util.List<String> problems = new java.util.ArrayList<>();
            DialogWindowIT.checkLines(t, problems);
            assertThat(problems).isEmpty();
        }
        assertThat(panel.warnsAboutMissingGlyphs()).isFalse();
    }

    /**
     * A server that took the whole message and hung up: the dialog says that nobody knows whether it arrived, names the
     * recipients as such and advises finding out before sending again; nowhere does it say "not sent".
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "gu", "ar"})
    void aSendTheServerNeverConfirmedIsShownAsSuch(String tag) throws Exception {
        Locale locale = Locale.forLanguageTag(tag);
        SendFailureReport report = SendFailureAnalyzer.standard().analyze(sendTo(servers.hangingUpPort(), "bob@example.test"), locale);
        LocalizedMessages messages = Explainer.standard().messages(locale);
        SendFailurePanel panel = ComponentImages.onEventThread(() -> new SendFailurePanel(report, messages));

        assertThat(report.outcome()).isEqualTo(SendFailureReport.Outcome.UNCONFIRMED);
        String shown = String.join("\n", panel.shownTexts());
        assertThat(panel.shownTexts()).contains(messages.get("report.title.unconfirmed"), messages.get("report.unconfirmed.title"),
                messages.get("report.unconfirmed.summary"), "1. " + messages.get("report.unconfirmed.advice.1"),
                messages.format("report.recipients.unconfirmed", java.util.Map.of("count", 1)));
        assertThat(shown).contains("bob@example.test").doesNotContain(messages.get("report.title.failed"))
                .doesNotContain(messages.get("category.network-error.advice.1"));
        assertThat(panel.shownTexts()).allSatisfy(t -> assertThat(t).isNotBlank());
        java.util.List<javax.accessibility.AccessibleContext> icons = ComponentImages.onEventThread(
                () -> accessibleTree(panel.getAccessibleContext(), new java.util.ArrayList<>())).stream()
                .filter(n -> n.getAccessibleRole() == javax.accessibility.AccessibleRole.LABEL && n.getAccessibleIcon() != null
                        && n.getAccessibleIcon().length > 0).toList();
        assertThat(icons).singleElement().satisfies(icon -> assertThat(icon.getAccessibleName())
                .isEqualTo(messages.get("report.title.unconfirmed")));
        ComponentImages.writePng(panel, Path.of("target", "dialog", "send-unconfirmed-" + tag + ".png"));
    }

    // the exception a plain Angus send throws against the given demo server, with the session's other properties
    private static MessagingException sendTo(int port, String to, String... keyValues) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", servers.host());
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.timeout", "5000");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("alice@example.test"));
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        m.setSubject("Report");
        m.setText("Hello");
        try (jakarta.mail.Transport t = session.getTransport("smtp")) {
            t.connect();
            t.sendMessage(m, m.getAllRecipients());
        } catch (MessagingException e) {
            return e;
        }
        throw new AssertionError("the send to port " + port + " did not fail");
    }

    /**
     * A screen reader reaches every text the panel shows, the collapsed details too: each is a label in the
     * accessibility tree named by its text (an outside tester found only the buttons there), and every node speaks the
     * reader's language, not the JVM's default.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "gu", "ar"})
    void aScreenReaderReachesEveryTextInTheReadersLanguage(String tag) throws Exception {
        Locale locale = Locale.forLanguageTag(tag);
        SendFailurePanel panel = panel(tag);
        java.util.List<javax.accessibility.AccessibleContext> nodes = ComponentImages.onEventThread(
                () -> accessibleTree(panel.getAccessibleContext(), new java.util.ArrayList<>()));
        java.util.List<String> labels = nodes.stream()
                .filter(n -> n.getAccessibleRole() == javax.accessibility.AccessibleRole.LABEL)
                .map(javax.accessibility.AccessibleContext::getAccessibleName).toList();
        assertThat(panel.shownTexts()).isNotEmpty();
        assertThat(labels).containsAll(panel.shownTexts());
        assertThat(nodes).allSatisfy(n -> assertThat(n.getLocale()).as("%s %s", n.getAccessibleRole(), n.getAccessibleName())
                .isEqualTo(locale));
    }

    /**
     * The disclosure says that it expands, whether it is expanded and which section it opens (a plain toggle said only
     * "pressed"); the severity icon has a name in the reader's language.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "gu"})
    void theDisclosureSaysWhetherItIsExpandedAndTheIconHasAName(String tag) throws Exception {
        SendFailurePanel panel = panel(tag);
        LocalizedMessages messages = Explainer.standard().messages(Locale.forLanguageTag(tag));
        javax.accessibility.AccessibleContext toggle = panel.detailsToggle().getAccessibleContext();
        assertThat(ComponentImages.onEventThread(toggle::getAccessibleStateSet).toArray())
                .contains(javax.accessibility.AccessibleState.EXPANDABLE, javax.accessibility.AccessibleState.COLLAPSED)
                .doesNotContain(javax.accessibility.AccessibleState.EXPANDED);
        java.util.List<Object> changes = new java.util.ArrayList<>();
        toggle.addPropertyChangeListener(ev -> {
            if (ev.getPropertyName().equals(javax.accessibility.AccessibleContext.ACCESSIBLE_STATE_PROPERTY)) {
                changes.add(ev.getNewValue());
            }
        });
        SwingUtilities.invokeAndWait(() -> panel.setDetailsVisible(true));
        assertThat(ComponentImages.onEventThread(toggle::getAccessibleStateSet).toArray())
                .contains(javax.accessibility.AccessibleState.EXPANDED).doesNotContain(javax.accessibility.AccessibleState.COLLAPSED);
        assertThat(changes).contains(javax.accessibility.AccessibleState.EXPANDED);
        javax.accessibility.AccessibleRelation controls = toggle.getAccessibleRelationSet().get(javax.accessibility.AccessibleRelation.CONTROLLER_FOR);
        assertThat(controls).isNotNull();
        assertThat(controls.getTarget()).containsExactly(panel.detailsSection());

        java.util.List<javax.accessibility.AccessibleContext> icons = accessibleTree(panel.getAccessibleContext(), new java.util.ArrayList<>())
                
                .stream().filter(n -> n.getAccessibleRole() == javax.accessibility.AccessibleRole.LABEL && n.getAccessibleIcon() != null
                        && n.getAccessibleIcon().length > 0).toList();
        assertThat(icons).singleElement().satisfies(icon -> assertThat(icon.getAccessibleName())
                .isEqualTo(messages.get("report.title.partial")));
    }

    /**
     * Alt and a letter reach the buttons where their labels have Latin letters, each its own; a Gujarati or Japanese
     * label gets none rather than an English letter the reader cannot see.
     */
    @Test
    void mnemonicsComeFromTheLocalizedLabels() throws Exception {
        for (String tag : java.util.List.of("en", "de", "fr", "es")) {
            SendFailurePanel panel = panel(tag);
            javax.swing.AbstractButton toggle = panel.detailsToggle();
            javax.swing.AbstractButton copy = panel.copyButton();
            for (javax.swing.AbstractButton b : java.util.List.of(toggle, copy)) {
                assertThat(b.getMnemonic()).as("%s %s", tag, b.getText()).isBetween((int) 'A', (int) 'Z');
                assertThat(Character.toUpperCase(b.getText().charAt(b.getDisplayedMnemonicIndex()))).isEqualTo((char) b.getMnemonic());
            }
            assertThat(toggle.getMnemonic()).as(tag).isNotEqualTo(copy.getMnemonic());
        }
        assertThat(panel("en").detailsToggle().getMnemonic()).isEqualTo('T');
        for (String tag : java.util.List.of("gu", "ja", "ar")) {
            SendFailurePanel panel = panel(tag);
            assertThat(panel.detailsToggle().getMnemonic()).as(tag).isZero();
            assertThat(panel.copyButton().getMnemonic()).as(tag).isZero();
        }
    }

    /** Copy says on its button that the details were copied, in the reader's language, and then offers to copy again. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "gu"})
    void copyConfirmsOnItsButton(String tag) throws Exception {
        SendFailurePanel panel = panel(tag);
        LocalizedMessages messages = Explainer.standard().messages(Locale.forLanguageTag(tag));
        java.util.List<Object> names = new java.util.ArrayList<>();
        panel.copyButton().getAccessibleContext().addPropertyChangeListener(ev -> {
            if (ev.getPropertyName().equals(javax.accessibility.AccessibleContext.ACCESSIBLE_NAME_PROPERTY)) {
                names.add(ev.getNewValue());
            }
        });
        SwingUtilities.invokeAndWait(() -> panel.copyButton().doClick());
        assertThat(panel.copyButton().getText()).isEqualTo(messages.get("label.copied"));
        assertThat(names).containsExactly(messages.get("label.copied"));
        Thread.sleep(SendFailurePanel.COPY_CONFIRMATION_MS + 500);
        SwingUtilities.invokeAndWait(() -> { });
        assertThat(panel.copyButton().getText()).isEqualTo(messages.get("label.copy"));
    }

    /**
     * The technical details do not repeat the stage sentence the body shows, and name the category in the reader's
     * language with its id beside it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "gu", "ja"})
    void theDetailsNameTheCategoryInTheReadersLanguageAndDoNotRepeatTheStage(String tag) throws Exception {
        Locale locale = Locale.forLanguageTag(tag);
        SendFailureReport report = SendFailureAnalyzer.standard().analyze(partialFailure, locale);
        LocalizedMessages messages = Explainer.standard().messages(locale);
        SendFailurePanel panel = panel(tag);
        String stage = new dev.smtpexplain.mail.ReportLayout(messages).stageSentence(report.outcome(), report.stage());
        assertThat(stage).isNotEmpty();
        assertThat(panel.shownTexts()).filteredOn(t -> t.contains(stage)).hasSize(1);
        String technical = SendFailurePanel.technicalText(report, messages);
        String id = report.explanation().categoryId();
        assertThat(technical).contains(messages.get("category." + id + ".title")).contains(id);
        assertThat(panel.shownTexts()).contains(technical);

        // a failure found before any server: the details do not say that a mail server reported it (outside tester 63)
        SendFailureReport local = dev.smtpexplain.mail.MailFailures.explain(
                new jakarta.mail.internet.AddressException("Missing final '@domain'", "bob@", 4), locale);
        assertThat(local.foundBeforeAnyServer()).isTrue();
        assertThat(SendFailurePanel.technicalText(local, messages)).contains(messages.get("report.local.title"))
                .doesNotContain(messages.get("category.unknown.title"));
    }

    /** The accessibility tree as an assistive technology walks it: only through the accessible children. */
    static java.util.List<javax.accessibility.AccessibleContext> accessibleTree(javax.accessibility.AccessibleContext c,
            java.util.List<javax.accessibility.AccessibleContext> out) {
        out.add(c);
        for (int i = 0; i < c.getAccessibleChildrenCount(); i++) {
            javax.accessibility.Accessible child = c.getAccessibleChild(i);
            if (child != null && child.getAccessibleContext() != null) {
                accessibleTree(child.getAccessibleContext(), out);
            }
        }
        return out;
    }

    static boolean anyFontCanDisplay(String text) {
        return Fonts.anyFontCanDisplay(text);
    }

    /** Laying out and painting a component off the event dispatch thread is refused, not left to chance. */
    @Test
    void renderingOffTheEventThreadIsRefused() throws Exception {
        SendFailureReport report = SendFailureAnalyzer.standard().analyze(partialFailure, Locale.ENGLISH);
        LocalizedMessages messages = Explainer.standard().messages(Locale.ENGLISH);
        SendFailurePanel panel = ComponentImages.onEventThread(() -> new SendFailurePanel(report, messages));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ComponentImages.render(panel))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("event dispatch thread");
        assertThat(ComponentImages.onEventThread(() -> ComponentImages.render(panel)).getWidth()).isGreaterThan(SendFailurePanel.WIDTH);
    }

    /** Gujarati, Hindi and Indic text is set larger than Latin text; Japanese gets the Japanese CJK face where installed. */
    @Test
    void indicTextIsLargerAndJapaneseGetsACjkFont() throws Exception {
        float en = bodySize("en");
        assertThat(bodySize("gu")).isGreaterThan(en);
        assertThat(bodySize("hi")).isGreaterThan(en);
        boolean cjkInstalled = java.util.Arrays.asList(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames()).contains("Noto Sans CJK JP");
        org.junit.jupiter.api.Assumptions.assumeTrue(cjkInstalled, "Noto Sans CJK JP is not installed (fonts-noto-cjk, as .ci/run installs)");
        SendFailurePanel ja = panel("ja");
        assertThat(ja.textBlocks().get(2).fonts()).extracting(Font::getFamily).contains("Noto Sans CJK JP");
        assertThat(ja.warnsAboutMissingGlyphs()).isFalse();
    }

    /** Letters no installed font has are not shown as boxes silently: the panel says so, in English too. */
    @Test
    void warnsWhenNoInstalledFontHasTheLetters() throws Exception {
        String undrawable = "\uE000\uE001\uE002";
        org.junit.jupiter.api.Assumptions.assumeFalse(Fonts.anyFontCanDisplay(undrawable), "an installed font maps U+E000");
        Explainer explainer = Explainer.builder()
                .override(Locale.ROOT, "category.recipient-unknown.title", "The recipient " + undrawable + " does not exist").build();
        SendFailureReport report = new SendFailureAnalyzer(dev.smtpexplain.core.Diagnoser.standard(), explainer)
                .analyze(partialFailure, Locale.ENGLISH);
        LocalizedMessages messages = explainer.messages(Locale.ENGLISH);
        SendFailurePanel panel = ComponentImages.onEventThread(() -> new SendFailurePanel(report, messages));
        assertThat(panel.warnsAboutMissingGlyphs()).isTrue();
        assertThat(panel.shownTexts()).contains(messages.get("layout.missingFont"));

        SendFailurePanel fine = panel("en");
        assertThat(fine.warnsAboutMissingGlyphs()).isFalse();
        assertThat(fine.shownTexts()).doesNotContain(messages.get("layout.missingFont"));
    }

    /**
     * In less room than its text was wrapped for (a dialog on a 640-pixel screen), every line is wrapped again to fit:
     * none runs past the right edge, where no horizontal scroll bar would reach it. Given the room back, the lines are
     * as long as before.
     */
    @Test
    void inLessRoomTheLinesAreWrappedAgainToFit() throws Exception {
        for (String tag : java.util.List.of("en", "ta", "ar")) {
            SendFailurePanel panel = panel(tag);
            int[] wide = new int[1];
            SwingUtilities.invokeAndWait(() -> {
                panel.setDetailsVisible(true);
                javax.swing.JScrollPane scroll = new javax.swing.JScrollPane(panel, javax.swing.ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                        javax.swing.ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
                scroll.setSize(420, 600);
                layOut(scroll);
                wide[0] = panel.textBlocks().stream().mapToInt(t -> t.lines().size()).sum();
                for (TextBlock t : panel.textBlocks()) {
                    java.awt.Insets in = t.getInsets();
                    assertThat(t.getWidth()).as("%s: %s", tag, t.text()).isLessThanOrEqualTo(420);
                    for (TextBlock.Line l : t.lines()) {
                        if (l.layout() != null) {
                            assertThat(l.layout().getVisibleAdvance()).as("%s: a line of %s", tag, t.text())
                                    .isLessThanOrEqualTo(t.getWidth() - in.left - in.right + 0.5f);
                        }
                    }
                }
                scroll.setSize(SendFailurePanel.WIDTH + 400, 600);
                layOut(scroll);
            });
            int narrowLines = wide[0];
            int wideLines = panel.textBlocks().stream().mapToInt(t -> t.lines().size()).sum();
            assertThat(wideLines).as(tag).isLessThan(narrowLines);
            assertThat(panel.textBlocks()).allSatisfy(t -> assertThat(t.wrapWidth()).isEqualTo(SendFailurePanel.WIDTH));
        }
    }

    // lays the tree out as a shown window would (validate() skips a tree no window holds), until nothing changes: a
    // block wrapped again asks for a new height
    private static void layOut(java.awt.Container c) {
        for (int i = 0; i < 4; i++) {
            layOutTree(c);
        }
    }

    private static void layOutTree(java.awt.Container c) {
        c.doLayout();
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof java.awt.Container k) {
                layOutTree(k);
            }
        }
    }

    /**
     * Tamil is drawn with a font of its own, not Java's logical Dialog font, which claims its letters but drew them
     * unshaped (vowel signs apart, dotted circles) in an outside tester's window.
     */
    @Test
    void indicTextGetsAFontOfItsScript() throws Exception {
        boolean tamilFont = java.util.Arrays.stream(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .anyMatch(f -> f.startsWith("Noto Sans Tamil"));
        org.junit.jupiter.api.Assumptions.assumeTrue(tamilFont, "Noto Sans Tamil is not installed (fonts-noto-core, as .ci/run installs)");
        SendFailurePanel ta = panel("ta");
        for (TextBlock t : ta.textBlocks()) {
            for (Fonts.Run r : Fonts.styled(t.text(), t.getFont(), Locale.forLanguageTag("ta")).runs()) {
                String run = t.text().substring(r.start(), r.end());
                if (run.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.TAMIL)) {
                    assertThat(r.font().getFamily()).as(run).isNotIn(java.awt.Font.DIALOG, java.awt.Font.SANS_SERIF, java.awt.Font.SERIF);
                }
            }
        }
    }

    private static SendFailurePanel panel(String tag) throws Exception {
        Locale locale = Locale.forLanguageTag(tag);
        SendFailureReport report = SendFailureAnalyzer.standard().analyze(partialFailure, locale);
        LocalizedMessages messages = Explainer.standard().messages(locale);
        return ComponentImages.onEventThread(() -> new SendFailurePanel(report, messages));
    }

    private static float bodySize(String tag) throws Exception {
        // the summary paragraph: the third block (outcome, stage sentence, title, summary)
        return panel(tag).textBlocks().get(3).getFont().getSize2D();
    }

    /**
     * A server reply full of markup, escapes and bidi overrides: shown literally as plain text (no
     * component that renders HTML or styled text), with the controls and overrides removed.
     */
    @Test
    void hostileServerTextIsShownAsPlainText() throws Exception {
        InternetAddress bob = new InternetAddress("bob@example.test");
        String hostile = "550 5.1.1 <html><b>Call 555-0100</b><img src=x> \u001B[2J\u001B]0;owned\u0007 \u202Egnp.exe\u202C "
                + "{0} {n, plural, other {#}} \u0000 zw\u200Bsp\n";
        MessagingException e = new jakarta.mail.SendFailedException("Invalid Addresses",
                new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(bob, "RCPT TO:<bob@example.test>", 550, hostile),
                null, null, new InternetAddress[] {bob});
        for (String tag : java.util.List.of("en", "ar")) {
            Locale locale = Locale.forLanguageTag(tag);
            SendFailureReport report = SendFailureAnalyzer.standard().analyze(e, locale);
            LocalizedMessages messages = Explainer.standard().messages(locale);
            SendFailurePanel[] holder = new SendFailurePanel[1];
            SwingUtilities.invokeAndWait(() -> {
                holder[0] = new SendFailurePanel(report, messages);
                holder[0].setDetailsVisible(true);
            });
            String shown = String.join("\n", holder[0].shownTexts());
            assertThat(shown).contains("<html><b>Call 555-0100</b><img src=x>", "gnp.exe", "{0} {n, plural, other {#}}", "zwsp")
                    .doesNotContain("\u001B", "\u0007", "\u202E", "\u202C", "\u0000", "\u200B", "owned");
            assertThat(labels(holder[0], new java.util.ArrayList<>())).allSatisfy(l -> assertThat(l.getText()).isNullOrEmpty());
            assertThat(components(holder[0], new java.util.ArrayList<>()))
                    .noneMatch(c -> c instanceof javax.swing.JEditorPane || c instanceof javax.swing.JTextPane);
        }
    }

    static java.util.List<java.awt.Component> components(Container c, java.util.List<java.awt.Component> out) {
        for (java.awt.Component k : c.getComponents()) {
            out.add(k);
            if (k instanceof Container cc) {
                components(cc, out);
            }
        }
        return out;
    }

    static java.util.List<JTextArea> textAreas(Container c, java.util.List<JTextArea> out) {
        for (java.awt.Component k : c.getComponents()) {
            if (k instanceof JTextArea t) {
                out.add(t);
            } else if (k instanceof Container cc) {
                textAreas(cc, out);
            }
        }
        return out;
    }

    static java.util.List<javax.swing.JLabel> labels(Container c, java.util.List<javax.swing.JLabel> out) {
        for (java.awt.Component k : c.getComponents()) {
            if (k instanceof javax.swing.JLabel l) {
                out.add(l);
            } else if (k instanceof Container cc) {
                labels(cc, out);
            }
        }
        return out;
    }

    static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
