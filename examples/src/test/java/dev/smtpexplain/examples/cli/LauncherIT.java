package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./smtp-explain} launcher, run as a process: a class-data archive left from another build
 * of the jar, or one the JVM cannot use, never puts a JVM message on stdout, so {@code --json} stays
 * pure JSON; a stale archive is made again.
 */
class LauncherIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("smtp-explain");
    static final Path JAR = ROOT.resolve("examples/target/smtp-explain.jar");
    static final Path JSA = ROOT.resolve("examples/target/smtp-explain.jsa");

    @BeforeAll
    static void theJarIsCurrent() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(LAUNCHER) && Files.isRegularFile(JAR), "the launcher and the packaged jar are here");
        // the launcher would run Maven if a source were newer than the jar; the test must not build
        FileTime jarTime = Files.getLastModifiedTime(JAR);
        try (Stream<Path> files = Stream.of("core", "i18n", "jakarta-mail-adapter", "examples", "benchmarks")
                .map(m -> ROOT.resolve(m).resolve("src")).filter(Files::isDirectory).flatMap(LauncherIT::walk)) {
            List<Path> newer = files.filter(p -> lastModified(p).compareTo(jarTime) > 0).limit(3).toList();
            Assumptions.assumeTrue(newer.isEmpty(), "sources changed after the jar was built: " + newer);
        }
    }

    @Test
    void anArchiveFromAnOlderJarIsMadeAgainAndJsonStaysPure() throws Exception {
        Files.deleteIfExists(JSA);
        Result first = run("explain", "--json", "550 5.1.1 User unknown"); // makes the archive
        assertThat(JSA).as("the JVM made its class-data archive without crashing").exists();
        assertThat(first.err()).as("making the archive says nothing").isEmpty();
        // as after mvn verify or install, which re-shade the jar: the archive is older than the jar
        FileTime stale = FileTime.from(Files.getLastModifiedTime(JAR).toInstant().minusSeconds(60));
        Files.setLastModifiedTime(JSA, stale);
        Result r = run("explain", "--json", "550 5.1.1 User unknown");
        assertPureJson(r);
        assertThat(Files.getLastModifiedTime(JSA).compareTo(Files.getLastModifiedTime(JAR))).as("archive made again").isGreaterThanOrEqualTo(0);
    }

    @Test
    void anArchiveTheJvmCannotUseWarnsOnStderrOnly(@TempDir Path dir) throws Exception {
        // an archive made from another copy of the jar: the JVM refuses it with a warning
        Path otherJar = Files.copy(JAR, dir.resolve("other.jar"));
        Path otherJsa = dir.resolve("other.jsa");
        Process make = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + otherJsa, "-jar", otherJar.toString(), "explain", "550 5.1.1 User unknown")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(make.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeTrue(Files.isRegularFile(otherJsa), "this JVM makes dynamic class-data archives");
        Files.deleteIfExists(JSA);
        Files.copy(otherJsa, JSA);
        Files.setLastModifiedTime(JSA, FileTime.from(Instant.now().plusSeconds(5))); // newer than the jar: the launcher keeps it
        try {
            Result r = run("explain", "--json", "550 5.1.1 User unknown");
            assertPureJson(r);
            assertThat(r.err()).contains("shared archive");
        } finally {
            Files.deleteIfExists(JSA);
        }
    }

    /**
     * Outside tester, F7: with standard input closed ({@code <&-}), '-' read the JDK's lib/modules, which the JVM
     * opened on descriptor 0. The launcher gives the JVM /dev/null there and says so: '-' is refused, not read.
     */
    @Test
    void aClosedStandardInputIsRefusedAndAnythingElseStillRuns() throws Exception {
        Result batch = run(List.of("bash", "-c", "exec bash \"$@\" <&-", "bash"), "explain", "--batch", "-");
        assertThat(batch.exit()).as(batch.err()).isEqualTo(1);
        assertThat(batch.out()).isEmpty();
        assertThat(batch.err()).isEqualTo("smtp-explain: -: cannot read: standard input is closed\n");
        Result bounce = run(List.of("bash", "-c", "exec bash \"$@\" <&-", "bash"), "bounce", "-");
        assertThat(bounce.exit()).isEqualTo(1);
        assertThat(bounce.err()).isEqualTo("smtp-explain: -: cannot read: standard input is closed\n");
        // a command that does not read standard input does not mind
        assertPureJson(run(List.of("bash", "-c", "exec bash \"$@\" <&-", "bash"), "explain", "--json", "550 5.1.1 User unknown"));
    }

    @Test
    void onATerminalTheReportIsBrokenAtItsWidthAndPipedItIsNot() throws Exception {
        // script(1) gives the launcher a pseudo-terminal, set to 44 columns before it runs
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "script(1) from util-linux");
        String explain = LAUNCHER + " explain --lang en '552 5.2.2 <bob@example.com>: Mailbox full'";
        Result tty = exec(List.of(script.toString(), "-qec", "stty cols 44; " + explain, "/dev/null"));
        assertThat(tty.exit()).as(tty.err()).isZero();
        List<String> lines = tty.out().lines().map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "").stripTrailing()).toList();
        assertThat(lines).filteredOn(l -> l.startsWith("  ") && !l.contains("Mailbox full'") && !l.contains("> 552"))
                .hasSizeGreaterThan(5).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(44));
        assertThat(lines.stream().filter(l -> l.length() > 44)).allSatisfy(l -> assertThat(l).contains("> 552 5.2.2"));

        Result piped = run("explain", "--lang", "en", "552 5.2.2 <bob@example.com>: Mailbox full");
        assertThat(piped.out().lines().filter(l -> l.length() > 44)).hasSizeGreaterThan(2);
    }

    private static void assertPureJson(Result r) throws IOException {
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("category").asText()).isEqualTo("recipient-unknown");
        assertThat(r.out().strip()).startsWith("{").endsWith("}").doesNotContain("\n");
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        return run(List.of("bash"), args);
    }

    // shell: the command that runs the launcher script (bash, or a bash that first closes standard input)
    private static Result run(List<String> shell, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(shell);
        cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    private static Result exec(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the launcher did not finish in 120 s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
