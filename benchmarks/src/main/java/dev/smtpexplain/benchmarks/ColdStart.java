package dev.smtpexplain.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of the CLI as a new process: {@code java -jar smtp-explain.jar explain --json "550 5.1.1 User
 * unknown"}, from start to exit, median of {@value #RUNS} runs after one unmeasured run (so the jar is in
 * the page cache, as it is for anyone who runs the tool twice). Measured as shipped; with an AppCDS
 * archive of the classes that run loads ({@code -XX:ArchiveClassesAtExit}, then
 * {@code -XX:SharedArchiveFile}); and with the archive plus JVM flags suited to a short-lived tool.
 */
final class ColdStart {

    static final int RUNS = 10;
    static final long BUDGET_MILLIS = 600;
    static final List<String> COMMAND = List.of("explain", "--json", "550 5.1.1 User unknown");

    /** The wall times of one variant, in milliseconds. */
    record Timing(String variant, List<String> jvmOptions, double[] millis) {

        double median() {
            return ColdStart.median(millis);
        }

        double min() {
            return Arrays.stream(millis).min().orElse(Double.NaN);
        }

        double max() {
            return Arrays.stream(millis).max().orElse(Double.NaN);
        }
    }

    private final Path java;
    private final Path jar;

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    ColdStart(Path jar) {
        this.java = Path.of(System.getProperty("java.home"), "bin", "java");
        this.jar = jar;
    }

    /** The CLI jar: system property {@code smtpexplain.cli.jar}, else the examples module's build output. */
    static Path defaultJar() {
        return Path.of(System.getProperty("smtpexplain.cli.jar", "examples/target/smtp-explain.jar")).toAbsolutePath().normalize();
    }

    boolean jarExists() {
        return Files.isRegularFile(jar);
    }

    /** The jar as shipped, with no JVM options. */
    Timing plain() throws IOException, InterruptedException {
        return time("as shipped", List.of());
    }

    /** Makes an AppCDS archive of the classes one run of the same command loads. */
    void createArchive(Path archive) throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        Files.createDirectories(archive.toAbsolutePath().getParent());
        run(List.of("-XX:ArchiveClassesAtExit=" + archive));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the JVM wrote no archive at " + archive);
        }
    }

    /** With the AppCDS archive. */
    Timing withAppCds(Path archive) throws IOException, InterruptedException {
        return time("with AppCDS", List.of("-XX:SharedArchiveFile=" + archive));
    }

    /**
     * With the AppCDS archive, the C1 compiler only and the serial collector: a short-lived tool gains
     * nothing from C2 or from parallel GC threads on two cores.
     */
    Timing withAppCdsAndQuickJit(Path archive) throws IOException, InterruptedException {
        return time("with AppCDS, C1, Serial GC",
                List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    private Timing time(String variant, List<String> jvmOptions) throws IOException, InterruptedException {
        run(jvmOptions);
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            millis[i] = run(jvmOptions);
        }
        return new Timing(variant, jvmOptions, millis);
    }

    /** Runs the CLI once and returns its wall time in milliseconds. */
    private double run(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(COMMAND);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the CLI did not finish within 60 s: " + command);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (p.exitValue() != 0) {
            throw new IllegalStateException("the CLI exited with " + p.exitValue() + ": " + command);
        }
        return millis;
    }
}
