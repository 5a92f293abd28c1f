package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the tool, run as a real process, reports what went wrong: a closed standard input, an unreachable display,
 * a mistyped command or option, a file it cannot read; and every subcommand's {@code --version}.
 */
class CliErrorsIT {

    /** Outside tester, F7: with fd 0 closed, '-' read the JDK's lib/modules (862,727 error lines, exit 0). */
    @Test
    void aClosedStandardInputIsRefusedNotReadAsTheJdksOwnFile() throws Exception {
        CliProcess.Result batch = CliProcess.runWithStdinClosed("explain", "--batch", "-");
        assertThat(batch.exit()).as(batch.err()).isEqualTo(1);
        assertThat(batch.out()).isEmpty();
        assertThat(batch.err()).isEqualTo("smtp-explain: -: cannot read: standard input is closed\n");

        CliProcess.Result bounce = CliProcess.runWithStdinClosed("bounce", "-");
        assertThat(bounce.exit()).isEqualTo(1);
        assertThat(bounce.out()).isEmpty();
        assertThat(bounce.err()).isEqualTo("smtp-explain: -: cannot read: standard input is closed\n");
    }

    @Test
    void bounceReadsTheOtherPathsWhenStandardInputIsClosed(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.eml");
        Files.writeString(one, BounceCommandIT.dsn("bob@example.com", "5.1.1", "550 5.1.1 <bob@example.com>: User unknown"));
        CliProcess.Result r = CliProcess.runWithStdinClosed("bounce", "--json", "-", one.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip().lines()).containsExactly("smtp-explain: -: cannot read: standard input is closed");
        List<JsonNode> lines = BounceCommandIT.lines(r.out());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("recipient").asText()).isEqualTo("bob@example.com");
    }

    /** An open but empty standard input is still an empty batch, as the README says. */
    @Test
    void anEmptyStandardInputIsStillAnEmptyBatch() throws Exception {
        CliProcess.Result r = CliProcess.run(new byte[0], "explain", "--batch", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    /** Outside tester, F8: a DISPLAY that cannot be reached (ssh without X forwarding) gave a stack trace and exit 1. */
    @Test
    void anUnreachableDisplayIsOneUsageLine(@TempDir Path dir) throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of("/tmp/.X11-unix/X987")), "display :987 exists here");
        CliProcess.Result r = CliProcess.run(null, Map.of("DISPLAY", ":987"), "dialog-demo");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("smtp-explain: no display (cannot connect to DISPLAY ':987'): give --png FILE")
                .doesNotContain("Exception", "AWTError", "\tat ");

        // an image needs no display, whatever DISPLAY says
        Path png = dir.resolve("dialog.png");
        CliProcess.Result image = CliProcess.run(null, Map.of("DISPLAY", ":987"), "dialog-demo", "--lang", "en",
                "--scenario", "unknown-recipient", "--png", png.toString());
        assertThat(image.exit()).as(image.err()).isZero();
        assertThat(image.out().strip()).isEqualTo(png.toAbsolutePath().toString());
        assertThat(Arrays.copyOf(Files.readAllBytes(png), 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void anImageThatCannotBeWrittenIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        CliProcess.Result r = CliProcess.run("dialog-demo", "--lang", "en", "--scenario", "unknown-recipient",
                "--png", file.resolve("dialog.png").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("smtp-explain: " + file.resolve("dialog.png") + ": cannot write: ").doesNotContain("\tat ");

        // a directory: the reason, not ImageIO's stack trace and "can't create an ImageOutputStream!" (outside tester 60)
        CliProcess.Result folder = CliProcess.run("dialog-demo", "--lang", "en", "--scenario", "unknown-recipient", "--png", dir.toString());
        assertThat(folder.exit()).as(folder.err()).isEqualTo(1);
        assertThat(folder.err()).isEqualTo("smtp-explain: " + dir + ": cannot write: is a directory\n");

        // a folder that does not exist is not made: an output file's folder must exist
        Path missing = dir.resolve("missing").resolve("dialog.png");
        CliProcess.Result nowhere = CliProcess.run("dialog-demo", "--lang", "en", "--scenario", "unknown-recipient", "--png", missing.toString());
        assertThat(nowhere.exit()).as(nowhere.err()).isEqualTo(1);
        assertThat(nowhere.err()).isEqualTo("smtp-explain: " + missing + ": cannot write: no such file\n");
        assertThat(missing.getParent()).doesNotExist();
    }

    /** Outside tester, F9: every subcommand's help offers -V, --version, which printed nothing. */
    @Test
    void everySubcommandPrintsTheVersion() throws Exception {
        String version = "smtp-explain " + System.getProperty("smtpexplain.version");
        for (String command : List.of("demo", "explain", "bounce", "send", "codes", "dialog-demo")) {
            for (String option : List.of("-V", "--version")) {
                CliProcess.Result r = CliProcess.run(command, option);
                assertThat(r.exit()).as(command + " " + option).isZero();
                assertThat(r.out().strip()).as(command + " " + option).isEqualTo(version);
            }
        }
    }

    /** Outside tester, F11: picocli's suggestions were dropped from usage errors. */
    @Test
    void aMistypedCommandOrOptionIsOneLineWithPicocliSuggestion() throws Exception {
        CliProcess.Result command = CliProcess.run("explian", "550 5.1.1 User unknown");
        assertThat(command.exit()).isEqualTo(2);
        assertThat(command.err().strip().lines()).hasSize(1);
        assertThat(command.err()).contains("did you mean: smtp-explain explain").endsWith("(see 'smtp-explain --help')\n");

        CliProcess.Result option = CliProcess.run("explain", "--jsn", "550 5.1.1 User unknown");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err().strip().lines()).hasSize(1);
        assertThat(option.err()).contains("Unknown option: '--jsn'; possible solutions: --json")
                .endsWith("(see 'smtp-explain explain --help')\n");

        CliProcess.Result nothingLike = CliProcess.run("explain", "--zzzzzz", "x");
        assertThat(nothingLike.exit()).isEqualTo(2);
        assertThat(nothingLike.err()).doesNotContain("possible solutions", "did you mean");
    }

    /** Outside tester, F11: a missing file was described three ways, and no message said why a file could not be read. */
    @Test
    void anInputThatCannotBeReadSaysWhyInOnePhrasing(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.txt");
        CliProcess.Result bounce = CliProcess.run("bounce", missing.toString());
        assertThat(bounce.exit()).isEqualTo(1);
        assertThat(bounce.err()).isEqualTo("smtp-explain: " + missing + ": cannot read: no such file\n");
        CliProcess.Result batch = CliProcess.run("explain", "--batch", missing.toString());
        assertThat(batch.exit()).isEqualTo(1);
        assertThat(batch.err()).isEqualTo("smtp-explain: " + missing + ": cannot read: no such file\n");
        CliProcess.Result send = sendWithFile(missing);
        assertThat(send.exit()).as("an unreadable --file is a usage error, as documented").isEqualTo(2);
        // the documented line exactly, as the other commands give it (outside tester 60: send added picocli's help hint)
        assertThat(send.err()).isEqualTo("smtp-explain: " + missing + ": cannot read: no such file\n");

        CliProcess.Result batchDir = CliProcess.run("explain", "--batch", dir.toString());
        assertThat(batchDir.exit()).isEqualTo(1);
        assertThat(batchDir.err()).isEqualTo("smtp-explain: " + dir + ": cannot read: is a directory\n");
        CliProcess.Result sendDir = sendWithFile(dir);
        assertThat(sendDir.exit()).isEqualTo(2);
        assertThat(sendDir.err()).isEqualTo("smtp-explain: " + dir + ": cannot read: is a directory\n");

        Path latin1 = Files.write(dir.resolve("latin1.txt"), "Gr\u00FC\u00DFe".getBytes(StandardCharsets.ISO_8859_1));
        CliProcess.Result notUtf8 = sendWithFile(latin1);
        assertThat(notUtf8.exit()).isEqualTo(2);
        assertThat(notUtf8.err()).isEqualTo("smtp-explain: " + latin1 + ": cannot read: not valid UTF-8\n");
    }

    /** {@code send} of a message whose body comes from {@code file}; it fails before any connection is made. */
    private static CliProcess.Result sendWithFile(Path file) throws Exception {
        return CliProcess.run("send", "--host", "127.0.0.1", "--tls", "none", "--from", "a@example.test", "--to", "b@example.test",
                "--file", file.toString());
    }

    /** A mode-000 file; root reads it anyway, so as root the tool runs as nobody (setpriv), as the tester did. */
    @Test
    void anUnreadableFileSaysPermissionDenied(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.eml"), "Subject: x\n\nhi\n");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        List<String> wrapper = List.of();
        if (Files.isReadable(secret)) {
            Path setpriv = Path.of("/usr/bin/setpriv");
            Assumptions.assumeTrue(Files.isExecutable(setpriv), "this user reads a mode-000 file, and there is no setpriv to run as nobody");
            wrapper = List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups");
        }
        CliProcess.Result bounce = CliProcess.runWrappedBy(wrapper, "bounce", secret.toString());
        Assumptions.assumeFalse(bounce.err().contains("Unable to access jarfile"), "nobody cannot read the jar here");
        assertThat(bounce.exit()).as(bounce.err()).isEqualTo(1);
        assertThat(bounce.err()).isEqualTo("smtp-explain: " + secret + ": cannot read: permission denied\n");
        CliProcess.Result batch = CliProcess.runWrappedBy(wrapper, "explain", "--batch", secret.toString());
        assertThat(batch.exit()).isEqualTo(1);
        assertThat(batch.err()).isEqualTo("smtp-explain: " + secret + ": cannot read: permission denied\n");
    }
}
