package dev.smtpexplain.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CLI's batch mode as a caller runs it: {@code java -jar smtp-explain.jar explain --batch -} with
 * {@value #LINES} lines of {@code code<TAB>status<TAB>text} on standard input (the corpus's rows cycled,
 * as a log of failed sends would hold them), its JSON lines read by this process and only counted.
 *
 * <p>Lines per second after start-up: {@code (lines - 1) / (end - first)}, where {@code first} is when the
 * first output line arrives and {@code end} when the output ends, so the JVM's start, the loading of the
 * rules and catalogs and the first line's work are left out, and JIT warm-up on the following lines is in.
 * Median of {@value #RUNS} runs per variant: as shipped (no JVM options) and with the JVM options of the
 * {@code ./smtp-explain} launcher ({@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}; its class-data archive
 * only shortens the start, which is not measured here).
 */
final class CliBatch {

    static final int LINES = 100_000;
    static final int RUNS = 5;
    static final List<String> COMMAND = List.of("explain", "--batch", "-");

    /** The runs of one variant. */
    record Timing(String variant, List<String> jvmOptions, double[] linesPerSecond, double[] firstLineMillis, double[] totalMillis) {

        double median() {
            return ColdStart.median(linesPerSecond);
        }

        double min() {
            return Arrays.stream(linesPerSecond).min().orElse(Double.NaN);
        }

        double max() {
            return Arrays.stream(linesPerSecond).max().orElse(Double.NaN);
        }

        double medianFirstLineMillis() {
            return ColdStart.median(firstLineMillis);
        }

        double medianTotalMillis() {
            return ColdStart.median(totalMillis);
        }
    }

    private final Path java;
    private final Path jar;
    private final Path input;

    /** {@code input} is where the batch file is written. */
    CliBatch(Path jar, Path input) {
        this.java = Path.of(System.getProperty("java.home"), "bin", "java");
        this.jar = jar;
        this.input = input;
    }

    boolean jarExists() {
        return Files.isRegularFile(jar);
    }

    /** Writes {@value #LINES} lines, cycling through the given batch lines. */
    void writeInput(List<String> batchLines) throws IOException {
        if (batchLines.isEmpty()) {
            throw new IllegalArgumentException("no batch lines");
        }
        Files.createDirectories(input.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                w.write(batchLines.get(i % batchLines.size()));
                w.write('\n');
            }
        }
    }

    Timing asShipped() throws IOException, InterruptedException {
        return time("as shipped", List.of());
    }

    Timing withLauncherOptions() throws IOException, InterruptedException {
        return time("with the launcher's C1, Serial GC", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    /** One run: lines per second after the first line, and the milliseconds to the first line and to the end. */
    private record Run(double linesPerSecond, double firstLineMillis, double totalMillis) {
    }

    private Timing time(String variant, List<String> jvmOptions) throws IOException, InterruptedException {
        double[] rate = new double[RUNS];
        double[] first = new double[RUNS];
        double[] total = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            Run run = run(jvmOptions);
            rate[i] = run.linesPerSecond();
            first[i] = run.firstLineMillis();
            total[i] = run.totalMillis();
        }
        return new Timing(variant, jvmOptions, rate, first, total);
    }

    private Run run(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(COMMAND);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(input.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        long first = 0;
        long lines = 0;
        long errorLines = 0;
        // each line's first bytes tell an explanation ({"code":…) from a line the CLI refused ({"line":…)
        byte[] errorStart = "{\"line\"".getBytes(StandardCharsets.US_ASCII);
        int column = 0;
        boolean errorSoFar = true;
        byte[] buf = new byte[1 << 16];
        try (InputStream out = p.getInputStream()) {
            for (int n = out.read(buf); n >= 0; n = out.read(buf)) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (lines++ == 0) {
                            first = System.nanoTime();
                        }
                        column = 0;
                        errorSoFar = true;
                        continue;
                    }
                    if (column < errorStart.length) {
                        errorSoFar &= b == errorStart[column];
                        if (++column == errorStart.length && errorSoFar) {
                            errorLines++;
                        }
                    }
                }
            }
        }
        long end = System.nanoTime();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the CLI did not exit: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("the CLI exited with " + p.exitValue() + ": " + command);
        }
        if (lines != LINES || errorLines != 0) {
            throw new IllegalStateException("the CLI wrote " + lines + " lines for " + LINES + ", " + errorLines
                    + " of them errors: " + command);
        }
        return new Run((LINES - 1) / ((end - first) / 1e9), (first - start) / 1e6, (end - start) / 1e6);
    }
}
