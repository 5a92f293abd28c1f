package dev.smtpexplain.examples.cli;

import dev.smtpexplain.examples.demo.DemoMailServer;
import dev.smtpexplain.examples.demo.Scenario;
import dev.smtpexplain.swing.ComponentImages;
import dev.smtpexplain.swing.SendFailureDialog;
import dev.smtpexplain.swing.SendFailurePanel;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.core.ServerText;
import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.swing.SwingUtilities;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smtp-explain dialog-demo}: shows the Swing failure dialog for a demo scenario. */
@Command(name = "dialog-demo", mixinStandardHelpOptions = true,
        description = {"Provokes one demo failure and shows it in the localized Swing failure dialog.",
                "Without a display (or with a DISPLAY that cannot be reached), use --png to render the dialog into an image; "
                        + "that needs no display."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the dialog was shown and closed, or the image written",
                "1:the scenario did not fail as expected, the image could not be written, or the output not written",
                "2:usage error (bad option, unknown scenario, no display without --png)"})
@Examples({"smtp-explain dialog-demo --lang gu",
        "smtp-explain dialog-demo --scenario dmarc-rejection --lang ar \\",
        "    --png dialog-ar.png"})
final class DialogDemoCommand implements Callable<Integer> {

    /** The usage error without a display; the help and the README quote its start. */
    static final String NO_DISPLAY = "no display";

    @CommandLine.Mixin
    LanguageOption language;

    @Option(names = "--scenario", paramLabel = "ID", defaultValue = "partial-delivery", completionCandidates = ScenarioIds.class,
            description = "Which demo failure to show: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String scenario;

    /** The ids of the scenarios that fail a send (the bounce arrives later, so it has no dialog), for the help. */
    static final class ScenarioIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Scenario.sendFailures().stream().map(Scenario::id).iterator();
        }
    }

    @Option(names = "--png", paramLabel = "FILE", description = "Render the dialog into a PNG file instead of opening a window (the file is replaced if it exists; its folder must exist).")
    Path png;

    @Option(names = "--details", description = "Show the technical details expanded.")
    boolean details;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = Scenario.sendFailures().stream().filter(x -> x.id().equals(scenario)).findFirst()
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "unknown scenario '" + ServerText.excerpt(scenario)
                        + "'; known: " + String.join(", ", new ScenarioIds())));
        Locale locale = language.locale();
        if (png != null) {
            // an image needs no display: a DISPLAY left from an ssh login without X forwarding must not stop it
            System.setProperty("java.awt.headless", "true");
        } else {
            String problem = displayProblem();
            if (problem != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), problem + ": give --png FILE to render the dialog into an image");
            }
        }
        SendFailureReport report;
        try (DemoMailServer servers = DemoMailServer.start()) {
            report = DemoCommand.run(s, servers, Explainer.standard(), locale);
        }
        if (report == null) {
            spec.commandLine().getErr().println("smtp-explain: scenario " + scenario + " did not fail");
            return 1;
        }
        LocalizedMessages messages = Explainer.standard().messages(locale);
        if (png != null) {
            // every Swing call on the event dispatch thread; only the file is written here
            BufferedImage image = ComponentImages.onEventThread(() -> {
                SendFailurePanel panel = new SendFailurePanel(report, messages);
                panel.setDetailsVisible(details);
                if (panel.warnsAboutMissingGlyphs()) {
                    spec.commandLine().getErr().println("smtp-explain: no installed font has every letter of this language; "
                            + "the image shows boxes (install fonts-noto-core, and fonts-noto-cjk for Japanese and Chinese)");
                }
                return ComponentImages.render(panel);
            });
            // its folder must exist, as for any output file
            try {
                ComponentImages.writePngTo(image, png);
            } catch (IOException e) {
                spec.commandLine().getErr().println("smtp-explain: " + ReadError.message(png.toString(), "cannot write", e));
                return 1;
            }
            spec.commandLine().getOut().println(png.toAbsolutePath());
            return 0;
        }
        SwingUtilities.invokeAndWait(() -> {
            SendFailureDialog d = new SendFailureDialog(null, report, messages);
            d.panel().setDetailsVisible(details);
            d.setVisible(true);
        });
        return 0;
    }

    /** Why no window can be opened ("no display", or a DISPLAY that cannot be reached), or null when one can. */
    static String displayProblem() {
        if (GraphicsEnvironment.isHeadless()) {
            return NO_DISPLAY;
        }
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
            return null;
        } catch (AWTError | HeadlessException e) {
            // AWT's message is a sentence with the DISPLAY's value; one line of ours says the same
            return NO_DISPLAY + " (cannot connect to DISPLAY '" + ServerText.excerpt(String.valueOf(System.getenv("DISPLAY"))) + "')";
        }
    }
}
