package dev.smtpexplain.swing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.smtpexplain.examples.demo.DemoMailServer;
import dev.smtpexplain.examples.demo.Scenario;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.SendFailureReport;
import java.awt.Dialog;
import java.awt.GraphicsEnvironment;
import java.awt.Robot;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
        if (GraphicsEnvironment.isHeadless()) {
            String why = "no display (DISPLAY=" + System.getenv("DISPLAY") + "): run under Xvfb, as .ci/run does";
            if ("1".equals(System.getenv("SMTP_EXPLAIN_REQUIRE_DISPLAY"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
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

    static SendFailureDialog open(String tag, String scenarioId) throws Exception {
        Locale locale = Locale.forLanguageTag(tag);
        Scenario scenario = Scenario.sendFailures().stream().filter(s -> s.id().equals(scenarioId)).findFirst().orElseThrow();
        SendFailureReport report = scenario.provoke(servers, Explainer.standard(), locale);
        LocalizedMessages messages = Explainer.standard().messages(locale);
        SendFailureDialog dialog = ComponentImages.onEventThread(() -> {
            SendFailureDialog d = new SendFailureDialog(null, report, messages);
            d.setModalityType(Dialog.ModalityType.MODELESS);
            d.setVisible(true);
            return d;
        });
        settle(new Robot());
        return dialog;
    }

    /** Lets the window manager, the layout and any relayout it queued finish. */
    static void settle(Robot robot) throws Exception {
        for (int i = 0; i < 3; i++) {
            robot.waitForIdle();
            Thread.sleep(100);
        }
    }

    static void shoot(SendFailureDialog dialog, Robot robot, String name) throws Exception {
        Files.createDirectories(DialogWindowIT.SHOTS);
        ImageIO.write(robot.createScreenCapture(ComponentImages.onEventThread(dialog::getBounds)), "png",
                DialogWindowIT.SHOTS.resolve(name + ".png").toFile());
    }
}
