package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.examples.demo.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Outside tester, F10: the help of the packaged tool, run as a process. */
class HelpIT {

    static final List<String> COMMANDS = List.of("demo", "explain", "bounce", "send", "codes", "rules", "dialog-demo");

    /** Examples were cut inside an argument ("--png dialog-ar." then a command "png"); each must be a whole command. */
    @Test
    void everyExampleIsAWholeCommandTheToolAccepts() throws Exception {
        int examples = 0;
        for (String command : COMMANDS) {
            List<String> section = examples(help(command));
            for (String line : section) {
                assertThat(line.length()).as("%s: %s", command, line).isLessThanOrEqualTo(80);
            }
            for (String example : joinContinuations(section)) {
                List<String> words = shellWords(example);
                assertThat(words.get(0)).as(example).isEqualTo("smtp-explain");
                CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
                // throws on a cut argument: an unknown option or a stray positional ("png")
                CommandLine.ParseResult parsed = cl.parseArgs(words.subList(1, words.size()).toArray(String[]::new));
                assertThat(parsed.subcommand().commandSpec().name()).as(example).isEqualTo(command);
                examples++;
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(12);
    }

    /** demo's summary stopped mid-sentence ("…, sends real messages") in the top-level command list. */
    @Test
    void everyCommandsSummaryIsAWholeSentence() throws Exception {
        String help = CliProcess.run("--help").out();
        String list = help.substring(help.indexOf("Commands:"), help.indexOf("Exit status:"));
        for (String command : COMMANDS) {
            int start = list.indexOf("\n  " + command + " ");
            assertThat(start).as(command).isNotNegative();
            // the summary: its first line and the indented lines continuing it
            StringBuilder summary = new StringBuilder();
            for (String line : list.substring(start + 1).lines().toList()) {
                if (!summary.isEmpty() && !line.startsWith("    ")) {
                    break;
                }
                summary.append(line.strip()).append(' ');
            }
            assertThat(summary.toString().strip()).as(command).endsWith(".");
        }
    }

    @Test
    void theScenarioIdsAreListedWhereAnIdIsAsked() throws Exception {
        String demo = unwrapped(help("demo"));
        for (Scenario s : Scenario.all()) {
            assertThat(demo).as("demo --help").contains(s.id());
        }
        String dialog = unwrapped(help("dialog-demo"));
        for (Scenario s : Scenario.sendFailures()) {
            assertThat(dialog).as("dialog-demo --help").contains(s.id());
        }
        assertThat(dialog).contains("Exit status:", "no display");
        for (String command : COMMANDS) {
            assertThat(help(command)).as(command).contains("Exit status:");
        }
    }

    /** The help follows the terminal's width (usageHelpAutoWidth), in a pseudo-terminal 60 columns wide. */
    @Test
    void theHelpFollowsTheTerminalsWidth() throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "script(1) gives the tool a terminal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(script.toString(), "-qec", "stty cols 60; '" + java + "' -jar '" + CliProcess.jar().toAbsolutePath()
                + "' explain --help", "/dev/null").redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String help = new String(out, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "").replace("\r", "");
        assertThat(help).contains("Usage:", "--batch", "Exit status:");
        String beforeExamples = help.substring(0, help.indexOf("Examples:"));
        assertThat(beforeExamples.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(60));
        assertThat(help("explain").lines()).as("80 columns without a terminal").anySatisfy(line -> assertThat(line.length()).isGreaterThan(60));
    }

    private static String help(String command) throws Exception {
        CliProcess.Result r = CliProcess.run(command, "--help");
        assertThat(r.exit()).as(command).isZero();
        return r.out();
    }

    // picocli's wrapped description lines read as one text
    private static String unwrapped(String help) {
        return help.replaceAll("\\s+", " ");
    }

    /** The lines of the "Examples:" section, without their two-space indent. */
    static List<String> examples(String help) {
        List<String> lines = help.lines().toList();
        int start = lines.indexOf("Examples:");
        assertThat(start).as("an Examples: section in\n" + help).isNotNegative();
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            assertThat(line).startsWith("  ");
            section.add(line.substring(2));
        }
        return section;
    }

    static List<String> joinContinuations(List<String> lines) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1);
            } else {
                commands.add(current.append(line).toString());
                current.setLength(0);
            }
        }
        assertThat(current).as("the last example ends without a backslash").isEmpty();
        return commands;
    }

    /** A shell's words: quotes, a leading NAME=value, and everything from an unquoted | or # on dropped. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    w.append(line.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                w = w == null ? new StringBuilder() : w;
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
            } else if ((c == '|' || c == '#') && w == null) {
                break;
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        assertThat(quote).as("quotes closed in: " + line).isEqualTo((char) 0);
        if (w != null) {
            words.add(w.toString());
        }
        while (!words.isEmpty() && words.get(0).matches("[A-Z_]+=.*")) {
            words.remove(0);
        }
        return words;
    }
}
