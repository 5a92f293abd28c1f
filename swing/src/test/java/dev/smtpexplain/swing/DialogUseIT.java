package dev.smtpexplain.swing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.examples.demo.DemoMailServer;
import dev.smtpexplain.examples.demo.Scenario;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.SendFailureReport;
import java.awt.KeyboardFocusManager;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Uses the real dialog in a real X window (Xvfb in CI) the way an outside tester did: made narrow, driven from the
 * keyboard with {@link Robot}, read through the accessibility tree. Screenshots go to target/dialog-windows/.
 *
 * <p>Skips where no display can be had, unless {@code SMTP_EXPLAIN_REQUIRE_DISPLAY=1}, where it fails instead.
 */
class DialogUseIT {

    static DemoMailServer servers;

    @BeforeAll
    static void needsADisplay() throws java.io.IOException {
        DialogWindowIT.requireDisplay();
        servers = DemoMailServer.start();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    /**
     * Dragged narrower than its text was wrapped for, the dialog wraps every paragraph again and gives it the height
     * its new lines need: no block is cut off below its last line, none is drawn over the next.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ta", "hi", "ar"})
    void aNarrowWindowShowsEveryLineOfEveryText(String tag) throws Exception {
        SendFailureDialog dialog = open(tag, "unknown-recipient");
        try {
            Robot robot = new Robot();
            SwingUtilities.invokeAndWait(() -> {
                dialog.panel().setDetailsVisible(true);
                dialog.setSize(480, 600);
            });
            settle(robot);
            List<String> problems = ComponentImages.onEventThread(() -> {
                List<String> out = new ArrayList<>();
                for (TextBlock b : dialog.panel().textBlocks()) {
                    if (!b.isShowing()) {
                        continue;
                    }
                    if (b.getHeight() < b.getPreferredSize().height) {
                        out.add("height " + b.getHeight() + " < " + b.getPreferredSize().height + " its " + b.lines().size()
                                + " lines need: " + b.text());
                    }
                    DialogWindowIT.checkLines(b, out);
                }
                return out;
            });
            shoot(dialog, robot, "narrow-" + tag);
            assertThat(dialog.panel().textBlocks()).anySatisfy(b -> assertThat(b.wrapWidth()).isLessThan(SendFailurePanel.WIDTH));
            assertThat(problems).isEmpty();
        } finally {
            SwingUtilities.invokeAndWait(dialog::dispose);
        }
    }

    /** Escape closes the dialog, wherever the focus is. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "gu"})
    void escapeCloses(String tag) throws Exception {
        SendFailureDialog dialog = open(tag, "unknown-recipient");
        try {
            Robot robot = new Robot();
            focus(dialog.panel().detailsToggle(), robot);
            press(robot, KeyEvent.VK_ESCAPE);
            assertThat(ComponentImages.onEventThread(dialog::isShowing)).isFalse();
        } finally {
            SwingUtilities.invokeAndWait(dialog::dispose);
        }
    }

    /**
     * Enter presses the focused button, not the default Close: on the toggle it opens and closes the details, on Copy
     * it copies them and the button says so; the dialog stays open. Enter on Close closes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "gu"})
    void enterPressesTheFocusedButton(String tag) throws Exception {
        SendFailureDialog dialog = open(tag, "unknown-recipient");
        LocalizedMessages messages = Explainer.standard().messages(Locale.forLanguageTag(tag));
        try {
            Robot robot = new Robot();
            focus(dialog.panel().detailsToggle(), robot);
            press(robot, KeyEvent.VK_ENTER);
            assertThat(ComponentImages.onEventThread(dialog::isShowing)).isTrue();
            assertThat(dialog.panel().isDetailsVisible()).isTrue();
            press(robot, KeyEvent.VK_ENTER);
            assertThat(dialog.panel().isDetailsVisible()).isFalse();

            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection("before"), null);
            focus(dialog.panel().copyButton(), robot);
            // the labels the button shows, recorded as they change: the confirmation lasts a few seconds, and on a
            // loaded machine the wait for the window to settle may outlast it
            java.util.List<Object> labels = new java.util.concurrent.CopyOnWriteArrayList<>();
            SwingUtilities.invokeAndWait(() -> dialog.panel().copyButton().addPropertyChangeListener("text", e -> labels.add(e.getNewValue())));
            press(robot, KeyEvent.VK_ENTER);
            assertThat(ComponentImages.onEventThread(dialog::isShowing)).isTrue();
            assertThat(labels).first().isEqualTo(messages.get("label.copied"));
            assertThat((String) Toolkit.getDefaultToolkit().getSystemClipboard().getData(DataFlavor.stringFlavor))
                    .contains("nobody@example.test", messages.get("label.category"));

            focus(dialog.closeButton(), robot);
            press(robot, KeyEvent.VK_ENTER);
            assertThat(ComponentImages.onEventThread(dialog::isShowing)).isFalse();
        } finally {
            SwingUtilities.invokeAndWait(dialog::dispose);
        }
    }

    /** Alt and the letter the label shows underlined presses the button: here it opens the details. */
    @org.junit.jupiter.api.Test
    void altAndTheMnemonicPressTheButton() throws Exception {
        SendFailureDialog dialog = open("en", "unknown-recipient");
        try {
            Robot robot = new Robot();
            int key = dialog.panel().detailsToggle().getMnemonic();
            assertThat(key).isEqualTo(KeyEvent.VK_T);
            press(robot, KeyEvent.VK_ALT, key);
            assertThat(dialog.panel().isDetailsVisible()).isTrue();
            assertThat(ComponentImages.onEventThread(dialog::isShowing)).isTrue();
        } finally {
            SwingUtilities.invokeAndWait(dialog::dispose);
        }
    }

    /**
     * In a window too short for the whole report, Tab scrolls the control it reaches into view, and opening the
     * details keeps the toggle in view.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void tabScrollsTheFocusedControlIntoView(String tag) throws Exception {
        SendFailureDialog dialog = open(tag, "unknown-recipient");
        try {
            Robot robot = new Robot();
            SwingUtilities.invokeAndWait(() -> dialog.setSize(560, 320));
            settle(robot);
            assertThat(inView(dialog, dialog.panel().detailsToggle())).as("the toggle starts below the view").isFalse();
            for (int i = 0; i < 4 && ComponentImages.onEventThread(
                    () -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner()) != dialog.panel().detailsToggle(); i++) {
                press(robot, KeyEvent.VK_TAB);
            }
            assertThat(ComponentImages.onEventThread(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner()))
                    .isSameAs(dialog.panel().detailsToggle());
            assertThat(inView(dialog, dialog.panel().detailsToggle())).isTrue();
            shoot(dialog, robot, "focus-in-view-" + tag);
            press(robot, KeyEvent.VK_SPACE);
            assertThat(dialog.panel().isDetailsVisible()).isTrue();
            assertThat(inView(dialog, dialog.panel().detailsToggle())).as("the toggle after opening the details").isTrue();
            press(robot, KeyEvent.VK_TAB);
            assertThat(inView(dialog, dialog.panel().copyButton())).isTrue();
        } finally {
            SwingUtilities.invokeAndWait(dialog::dispose);
        }
    }

    /**
     * The whole window's accessibility tree, as a screen reader reads it: every text of the panel, Close, the dialog's
     * description, each node in the reader's language.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gu", "ar"})
    void theWindowsAccessibilityTreeSpeaksTheReadersLanguage(String tag) throws Exception {
        SendFailureDialog dialog = open(tag, "unknown-recipient");
        Locale locale = Locale.forLanguageTag(tag);
        try {
            List<javax.accessibility.AccessibleContext> nodes = ComponentImages.onEventThread(
                    () -> SendFailurePanelTest.accessibleTree(dialog.getAccessibleContext(), new ArrayList<>()));
            assertThat(nodes).extracting(javax.accessibility.AccessibleContext::getAccessibleName)
                    .containsAll(dialog.panel().shownTexts()).contains(dialog.closeButton().getText());
            assertThat(nodes).allSatisfy(n -> assertThat(n.getLocale()).as("%s %s", n.getAccessibleRole(), n.getAccessibleName())
                    .isEqualTo(locale));
            assertThat(dialog.getAccessibleContext().getAccessibleDescription()).isEqualTo(dialog.panel().report().explanation().title());
        } finally {
            SwingUtilities.invokeAndWait(dialog::dispose);
        }
    }

    private static boolean inView(SendFailureDialog dialog, java.awt.Component c) {
        return ComponentImages.onEventThread(() -> {
            java.awt.Rectangle view = dialog.scrollPane().getViewport().getViewRect();
            java.awt.Rectangle at = SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), dialog.panel());
            return view.contains(at);
        });
    }

    private static void focus(java.awt.Component c, Robot robot) throws Exception {
        SwingUtilities.invokeAndWait(c::requestFocusInWindow);
        settle(robot);
        assertThat(ComponentImages.onEventThread(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner())).isSameAs(c);
    }

    private static void press(Robot robot, int... keys) throws Exception {
        for (int k : keys) {
            robot.keyPress(k);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.keyRelease(keys[i]);
        }
        settle(robot);
    }

    static SendFailureDialog open(String tag, String scenarioId) throws Exception {
        Locale locale = Locale.forLanguageTag(tag);
        Scenario scenario = Scenario.sendFailures().stream().filter(s -> s.id().equals(scenarioId)).findFirst().orElseThrow();
        SendFailureReport report = scenario.provoke(servers, Explainer.standard(), locale);
        LocalizedMessages messages = Explainer.standard().messages(locale);
        SendFailureDialog dialog = DialogWindowIT.showModeless(report, messages);
        settle(new Robot());
        return dialog;
    }

    /**
     * Lets the keys reach the window, the layout and any relayout it queued finish: the robot's events flushed once,
     * then the event queue drained twice (a relayout queues another event). Robot.waitForIdle three times took some
     * ten seconds a test under Xvfb without a window manager.
     */
    static void settle(Robot robot) throws Exception {
        robot.waitForIdle();
        for (int i = 0; i < 2; i++) {
            SwingUtilities.invokeAndWait(() -> { });
            Thread.sleep(50);
        }
    }

    static void shoot(SendFailureDialog dialog, Robot robot, String name) throws Exception {
        Files.createDirectories(DialogWindowIT.SHOTS);
        ImageIO.write(robot.createScreenCapture(ComponentImages.onEventThread(dialog::getBounds)), "png",
                DialogWindowIT.SHOTS.resolve(name + ".png").toFile());
    }
}
