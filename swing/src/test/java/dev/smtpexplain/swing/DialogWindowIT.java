package dev.smtpexplain.swing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.ibm.icu.text.BreakIterator;
import dev.smtpexplain.examples.demo.DemoMailServer;
import dev.smtpexplain.examples.demo.Scenario;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.SendFailureReport;
import java.awt.Dialog;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.KeyboardFocusManager;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opens the real failure dialog in a real X window (Xvfb in CI) for every demo scenario in English,
 * Gujarati, Hindi, Arabic and Japanese, with the technical details closed and then opened by clicking
 * the toggle, and checks what a person sees: the window fits a 1366x768 screen, every line of every
 * text breaks only where ICU allows a line break in that language (so never inside a grapheme cluster
 * or a word), every word is laid out and fits the width, the fonts have the glyphs, focus is on Close,
 * the disclosure triangle follows the reading direction. Screenshots go to target/dialog-windows/.
 *
 * <p>Skips where no display can be had, unless {@code SMTP_EXPLAIN_REQUIRE_DISPLAY=1} (set by .ci/run),
 * where it fails instead.
 */
class DialogWindowIT {

    static final int SCREEN_WIDTH = 1366;
    static final int SCREEN_HEIGHT = 768;
    static final Path SHOTS = Path.of("target", "dialog-windows");

    static DemoMailServer servers;

    @BeforeAll
    static void needsADisplay() throws java.io.IOException {
        requireDisplay();
        servers = DemoMailServer.start();
    }

    /** Shows the report's dialog without blocking the test, on the event thread. */
    static SendFailureDialog showModeless(SendFailureReport report, LocalizedMessages messages) throws Exception {
        return ComponentImages.onEventThread(() -> {
            SendFailureDialog d = new SendFailureDialog(null, report, messages);
            d.setModalityType(Dialog.ModalityType.MODELESS);
            d.setVisible(true);
            return d;
        });
    }

    /** Skips the class without a display, or fails it where CI asks for one (SMTP_EXPLAIN_REQUIRE_DISPLAY=1). */
    static void requireDisplay() {
        if (GraphicsEnvironment.isHeadless()) {
            String why = "no display (DISPLAY=" + System.getenv("DISPLAY") + ", java.awt.headless="
                    + System.getProperty("java.awt.headless") + "): run under Xvfb, as .ci/run does";
            if ("1".equals(System.getenv("SMTP_EXPLAIN_REQUIRE_DISPLAY"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    static Stream<Arguments> dialogs() {
        return Stream.of("en", "gu", "hi", "ar", "ja")
                .flatMap(tag -> Scenario.sendFailures().stream().map(s -> Arguments.of(tag, s.id())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dialogs")
    void theRealWindowShowsEveryWordWithinTheScreen(String tag, String scenarioId) throws Exception {
        Locale locale = Locale.forLanguageTag(tag);
        Scenario scenario = Scenario.sendFailures().stream().filter(s -> s.id().equals(scenarioId)).findFirst().orElseThrow();
        SendFailureReport report = scenario.provoke(servers, Explainer.standard(), locale);
        assertThat(report).as("%s fails", scenarioId).isNotNull();
        LocalizedMessages messages = Explainer.standard().messages(locale);

        SendFailureDialog dialog = showModeless(report, messages);
        try {
            Robot robot = new Robot();
            robot.waitForIdle();
            String name = tag + "-" + scenarioId;

            assertThat(ComponentImages.onEventThread(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner()))
                    .as("initial focus").isSameAs(dialog.closeButton());
            assertThat(((DisclosureIcon) dialog.panel().detailsToggle().getIcon()).direction())
                    .isEqualTo(messages.isRightToLeft() ? DisclosureIcon.Direction.LEFT : DisclosureIcon.Direction.RIGHT);
            checkWindow(dialog, messages, robot, name + "-closed");

            SwingUtilities.invokeAndWait(() -> dialog.panel().detailsToggle().doClick());
            robot.waitForIdle();
            assertThat(dialog.panel().isDetailsVisible()).isTrue();
            assertThat(((DisclosureIcon) dialog.panel().detailsToggle().getIcon()).direction()).isEqualTo(DisclosureIcon.Direction.DOWN);
            checkWindow(dialog, messages, robot, name + "-open");
        } finally {
            SwingUtilities.invokeAndWait(dialog::dispose);
        }
    }

    private static void checkWindow(SendFailureDialog dialog, LocalizedMessages messages, Robot robot, String name) throws Exception {
        // the X server confirms a resize asynchronously: give it a moment on a loaded machine
        for (int i = 0; i < 20 && dialog.getHeight() > SCREEN_HEIGHT; i++) {
            Thread.sleep(50);
            robot.waitForIdle();
        }
        List<String> problems = ComponentImages.onEventThread(() -> {
            List<String> out = new ArrayList<>();
            Rectangle window = dialog.getBounds();
            Rectangle screen = dialog.getGraphicsConfiguration().getBounds();
            Insets insets = Toolkit.getDefaultToolkit().getScreenInsets(dialog.getGraphicsConfiguration());
            if (window.width > SCREEN_WIDTH || window.height > SCREEN_HEIGHT) {
                out.add("window " + window.width + "x" + window.height + " does not fit " + SCREEN_WIDTH + "x" + SCREEN_HEIGHT);
            }
            if (window.height > screen.height - insets.top - insets.bottom || !screen.contains(window)) {
                out.add("window " + window + " is not within the screen's usable area " + screen + " " + insets);
            }
            if (!dialog.closeButton().isShowing()) {
                out.add("the Close button is not on screen");
            }
            Rectangle viewport = dialog.scrollPane().getViewport().getViewRect();
            if (dialog.panel().getWidth() > viewport.width) {
                out.add("the panel is wider than the window: " + dialog.panel().getWidth() + " > " + viewport.width);
            }
            boolean lacking = false;
            for (TextBlock b : dialog.panel().textBlocks()) {
                if (!b.isShowing() && b.getParent() != null && b.getParent().isShowing()) {
                    out.add("a text block is not showing: " + b.text());
                }
                if (!b.isShowing()) {
                    continue;
                }
                checkLines(b, out);
                lacking |= b.lacksGlyphs();
                Point at = SwingUtilities.convertPoint(b, 0, 0, dialog.panel());
                if (at.x < 0 || at.x + b.getWidth() > dialog.panel().getWidth()) {
                    out.add("text block runs past the panel's edge (x=" + at.x + ", width " + b.getWidth() + "): " + b.text());
                }
            }
            for (javax.swing.AbstractButton button : List.of(dialog.panel().detailsToggle(), dialog.closeButton())) {
                if (button.getFont().canDisplayUpTo(button.getText()) != -1) {
                    lacking |= button != dialog.closeButton();
                    if (Fonts.anyFontCanDisplay(button.getText())) {
                        out.add("button font " + button.getFont().getFamily() + " lacks glyphs of «" + button.getText()
                                + "» that an installed font has");
                    }
                }
            }
            if (lacking != dialog.panel().warnsAboutMissingGlyphs()) {
                out.add("glyphs missing: " + lacking + ", warning shown: " + dialog.panel().warnsAboutMissingGlyphs());
            }
            return out;
        });
        BufferedImage shot = robot.createScreenCapture(dialog.getBounds());
        Files.createDirectories(SHOTS);
        javax.imageio.ImageIO.write(shot, "png", SHOTS.resolve(name + ".png").toFile());
        assertThat(problems).as(name).isEmpty();
        Assumptions.assumeFalse(dialog.panel().warnsAboutMissingGlyphs(),
                "no installed font has every letter of " + messages.locale() + ": install fonts-noto-core and fonts-noto-cjk (as .ci/run does)");
    }

    /**
     * The block's lines against ICU, computed here on their own: each line ends where ICU's line break
     * rules for the block's text allow a break (never inside a grapheme cluster), the lines together
     * hold the whole text, every word lies within one line, and every line fits the block's width.
     */
    static void checkLines(TextBlock b, List<String> out) {
        String text = b.text();
        BitSet lineBreaks = boundaries(BreakIterator.getLineInstance(Locale.forLanguageTag(b.locale().toLanguageTag())), text);
        BitSet clusters = boundaries(BreakIterator.getCharacterInstance(), text);
        StringBuilder rebuilt = new StringBuilder();
        int expectedStart = 0;
        List<TextBlock.Line> lines = b.lines();
        for (int i = 0; i < lines.size(); i++) {
            TextBlock.Line l = lines.get(i);
            if (l.start() != expectedStart) {
                out.add("line " + i + " starts at " + l.start() + ", expected " + expectedStart + ": " + text);
            }
            rebuilt.append(text, l.start(), l.end());
            boolean paragraphEnd = l.end() == text.length() || text.charAt(l.end()) == '\n';
            if (!paragraphEnd) {
                if (!clusters.get(l.end())) {
                    out.add("line break inside a grapheme cluster at " + l.end() + ": «" + text.substring(l.start(), l.end()) + "»");
                } else if (!lineBreaks.get(l.end())) {
                    out.add("line break inside a word at " + l.end() + ": «" + text.substring(l.start(), l.end()) + "|"
                            + text.substring(l.end(), Math.min(text.length(), l.end() + 10)) + "»");
                }
            }
            if (l.layout() != null && l.layout().getVisibleAdvance() > b.getWidth() - b.getInsets().left - b.getInsets().right + 0.5f) {
                out.add("line wider than its block (" + l.layout().getVisibleAdvance() + " > " + b.getWidth() + "): "
                        + text.substring(l.start(), l.end()));
            }
            expectedStart = paragraphEnd && l.end() < text.length() ? l.end() + 1 : l.end();
            if (paragraphEnd && l.end() < text.length()) {
                rebuilt.append('\n');
            }
        }
        if (!rebuilt.toString().equals(text)) {
            out.add("the lines do not hold the whole text: «" + rebuilt + "» vs «" + text + "»");
        }
    }

    private static BitSet boundaries(BreakIterator it, String text) {
        BitSet out = new BitSet(text.length() + 1);
        it.setText(text);
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            out.set(b);
        }
        return out;
    }
}
