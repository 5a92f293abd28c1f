package dev.smtpexplain.examples.cli;

import dev.smtpexplain.examples.demo.DemoMailServer;
import dev.smtpexplain.examples.demo.Scenario;
import dev.smtpexplain.swing.ComponentImages;
import dev.smtpexplain.swing.SendFailureDialog;
import dev.smtpexplain.swing.SendFailurePanel;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.SendFailureReport;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
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
                "Without a display, use --png to render the dialog into an image.",
                "",
                "Examples:",
                "  smtp-explain dialog-demo --lang gu",
                "  smtp-explain dialog-demo --scenario dmarc-rejection --lang ar --png dialog-ar.png"})
final class DialogDemoCommand implements Callable<Integer> {

    @CommandLine.Mixin
    LanguageOption language;

    @Option(names = "--scenario", paramLabel = "ID", defaultValue = "partial-delivery", description = "Which demo failure to show (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--png", paramLabel = "FILE", description = "Render the dialog into a PNG file instead of opening a window.")
    Path png;

    @Option(names = "--details", description = "Show the technical details expanded.")
    boolean details;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = Scenario.sendFailures().stream().filter(x -> x.id().equals(scenario)).findFirst()
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "unknown scenario '" + scenario + "'; known: "
                        + Scenario.sendFailures().stream().map(Scenario::id).toList()));
        Locale locale = language.locale();
        if (png == null && GraphicsEnvironment.isHeadless()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no display: give --png FILE to render the dialog into an image");
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
            ComponentImages.writePng(image, png);
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
}
