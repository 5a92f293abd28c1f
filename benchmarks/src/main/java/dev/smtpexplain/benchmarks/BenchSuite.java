package dev.smtpexplain.benchmarks;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.Explainer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The short suite {@code ./bench} runs: the JMH benchmarks, Sisimai's matcher on the same replies, the
 * memory footprint, the cold start and the CLI's batch mode, ending in one table (also written to
 * {@code benchmarks/target/bench-table.md}). JMH's own output goes to {@code benchmarks/target/jmh-cpu.log}
 * and {@code jmh-send.log}, its results to {@code jmh-*.json}.
 *
 * <p>Arguments: {@code --no-memory}, {@code --no-cold-start}, {@code --no-sisimai}, {@code --no-cli-batch},
 * and any JMH options ({@code -f}, {@code -wi}, {@code -i}, {@code -w}, {@code -r}, benchmark regexes),
 * which override the short defaults. Sisimai side by side and the CLI batch run after the JMH CPU
 * benchmarks, whichever classes the regexes pick.
 */
public final class BenchSuite {

    static final Path OUTPUT = Path.of("benchmarks", "target");

    /** Benchmarks timed in steady state: one fork, 3 × 1 s warm-up, 5 × 1 s measurement. */
    private static final List<Class<?>> CPU_BENCHMARKS = List.of(
            CorpusDiagnoseBenchmark.class, RuleCountBenchmark.class, TextLengthBenchmark.class, ExplainBenchmark.class,
            BounceReadBenchmark.class);

    /** One batch of 2,000 sends per iteration: 2 warm-up batches, 5 measured. */
    private static final List<Class<?>> SEND_BENCHMARKS = List.of(TransportSendBenchmark.class);

    private final CommandLineOptions cli;
    private final boolean memory;
    private final boolean coldStart;
    private final boolean sisimai;
    private final boolean cliBatch;
    private final Corpus corpus = Corpus.load();
    private final List<Locale> targetLocales = supportedTargetLocales();

    private BenchSuite(CommandLineOptions cli, boolean memory, boolean coldStart, boolean sisimai, boolean cliBatch) {
        this.cli = cli;
        this.memory = memory;
        this.coldStart = coldStart;
        this.sisimai = sisimai;
        this.cliBatch = cliBatch;
    }

    public static void main(String[] args) throws Exception {
        List<String> jmhArgs = new ArrayList<>();
        boolean memory = true;
        boolean coldStart = true;
        boolean sisimai = true;
        boolean cliBatch = true;
        for (String a : args) {
            switch (a) {
                case "--no-memory" -> memory = false;
                case "--no-cold-start" -> coldStart = false;
                case "--no-sisimai" -> sisimai = false;
                case "--no-cli-batch" -> cliBatch = false;
                case "--help" -> jmhArgs.add("-h"); // JMH knows only -h
                default -> jmhArgs.add(a);
            }
        }
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (cli.shouldHelp()) {
            System.out.println("usage: ./bench [--no-memory] [--no-cold-start] [--no-sisimai] [--no-cli-batch] [JMH options] [benchmark regex …]");
            cli.showHelp();
            return;
        }
        new BenchSuite(cli, memory, coldStart, sisimai, cliBatch).run();
    }

    private void run() throws RunnerException, IOException, InterruptedException {
        Files.createDirectories(OUTPUT);
        double loadBefore = loadAverage();
        JmhResults jmh = new JmhResults();
        System.out.println("bench: corpus " + corpus.source() + " (" + corpus.replies().size() + " replies); JMH logs in " + OUTPUT.resolve("jmh-*.log"));
        System.out.println("bench: " + sameDiagnoses() + " of " + corpus.replies().size()
                + " corpus replies get the same category from diagnose(String) as from diagnose(SmtpReply)");
        runJmh(jmh, CPU_BENCHMARKS, "cpu", 3, 5, TimeValue.seconds(1));
        // right after the JMH CPU benchmarks, on the same strings: the side-by-side row
        SisimaiReplies.Result sisimaiResult = sisimai ? runSisimai() : null;
        runJmh(jmh, SEND_BENCHMARKS, "send", 2, 5, null);

        SuiteReport report = new SuiteReport(jmh);
        report.addCorpusThroughput(corpus.replies().size());
        if (sisimai) {
            if (sisimaiResult != null) {
                report.addSisimai(sisimaiResult);
            } else {
                report.addSisimaiSkipped("no Sisimai for Perl here; install it with " + SisimaiReplies.INSTALL_HINT);
            }
        }
        report.addRuleCount();
        report.addTextLength();
        report.addExplain(Explainer.supportedLocales());
        report.addBounces();
        if (memory) {
            System.out.println("bench: memory footprint");
            report.addMemory(MemoryFootprint.measure(corpus, targetLocales));
        }
        if (coldStart) {
            addColdStart(report);
        }
        if (cliBatch) {
            addCliBatch(report);
        }
        report.addSendOverhead();

        String machine = String.format(Locale.ROOT, "%d cores, %s; 1-minute load average %.2f before the suite, %.2f after",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                loadBefore, loadAverage());
        String table = report.render() + "\n" + machine + "\n";
        Files.writeString(OUTPUT.resolve("bench-table.md"), table, StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(table);
    }

    /** The system's 1-minute load average: well above 0 means other processes shared the cores. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void runJmh(JmhResults results, List<Class<?>> benchmarks, String group, int warmups, int iterations,
            TimeValue time) throws RunnerException {
        List<String> selected = benchmarks.stream().map(Class::getName).filter(this::selectedByCli).toList();
        if (selected.isEmpty()) {
            return;
        }
        System.out.println("bench: JMH " + String.join(", ", selected.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).toList()));
        ChainedOptionsBuilder b = new OptionsBuilder()
                .forks(cli.getForkCount().orElse(1))
                .warmupIterations(cli.getWarmupIterations().orElse(warmups))
                .measurementIterations(cli.getMeasurementIterations().orElse(iterations))
                .jvmArgs("-Xms2g", "-Xmx2g", "-D" + Corpus.PROPERTY + "=" + Corpus.file(),
                        "-D" + BounceFiles.PROPERTY + "=" + BounceFiles.dir().toAbsolutePath())
                .param("locale", targetLocales.stream().map(Locale::toLanguageTag).toArray(String[]::new))
                .output(OUTPUT.resolve("jmh-" + group + ".log").toString())
                .result(OUTPUT.resolve("jmh-" + group + ".json").toString())
                .resultFormat(ResultFormatType.JSON)
                .shouldFailOnError(true);
        if (time != null) {
            b.warmupTime(cli.getWarmupTime().orElse(time)).measurementTime(cli.getMeasurementTime().orElse(time));
        }
        for (String name : selected) {
            b.include("^" + Pattern.quote(name) + "\\.");
        }
        results.addAll(new Runner(b.build()).run());
    }

    /** Whether the command line's regexes (if any) pick this benchmark class. */
    private boolean selectedByCli(String className) {
        List<String> includes = cli.getIncludes();
        return includes.isEmpty() || includes.stream().anyMatch(r -> Pattern.compile(r).matcher(className).find());
    }

    /** How many corpus rows diagnose to the same category as a string and as parsed parts. */
    private long sameDiagnoses() {
        Diagnoser diagnoser = Diagnoser.standard();
        List<String> raw = corpus.rawReplies();
        return IntStream.range(0, raw.size())
                .filter(i -> diagnoser.diagnose(raw.get(i)).category() == diagnoser.diagnose(corpus.replies().get(i)).category())
                .count();
    }

    /** Sisimai on the strings diagnose(String) gets, or null where Sisimai for Perl is not installed. */
    private SisimaiReplies.Result runSisimai() throws IOException, InterruptedException {
        SisimaiReplies s = new SisimaiReplies(SisimaiReplies.defaultScript());
        if (!s.available()) {
            System.out.println("bench: no Sisimai for Perl (perl -MSisimai failed); install it with " + SisimaiReplies.INSTALL_HINT);
            return null;
        }
        System.out.println("bench: Sisimai::Reason->match, " + SisimaiReplies.ROUNDS + " rounds of " + SisimaiReplies.ROUND_SECONDS + " s");
        return s.run(corpus.rawReplies(), OUTPUT.resolve("corpus-replies.txt"));
    }

    private void addCliBatch(SuiteReport report) throws IOException, InterruptedException {
        CliBatch batch = new CliBatch(ColdStart.defaultJar(), OUTPUT.resolve("cli-batch.tsv"));
        if (!batch.jarExists()) {
            report.addCliBatchSkipped("no " + ColdStart.defaultJar() + "; build it with mvn -DskipTests -pl examples -am package");
            return;
        }
        System.out.println("bench: CLI batch, " + CliBatch.LINES + " lines, " + CliBatch.RUNS + " runs in each of 2 ways");
        batch.writeInput(corpus.batchLines());
        report.addCliBatch(List.of(batch.asShipped(), batch.withLauncherOptions()));
    }

    private void addColdStart(SuiteReport report) throws IOException, InterruptedException {
        ColdStart cold = new ColdStart(ColdStart.defaultJar());
        if (!cold.jarExists()) {
            report.addColdStartSkipped("no " + ColdStart.defaultJar() + "; build it with mvn -DskipTests -pl examples -am install");
            return;
        }
        System.out.println("bench: cold start, " + ColdStart.RUNS + " runs in each of 3 ways");
        Path archive = OUTPUT.resolve("smtp-explain-cli.jsa");
        ColdStart.Timing plain = cold.plain();
        cold.createArchive(archive);
        report.addColdStart(List.of(plain, cold.withAppCds(archive), cold.withAppCdsAndQuickJit(archive)));
    }

    /** The locales the rendering and catalog targets name that this build ships. */
    private static List<Locale> supportedTargetLocales() {
        List<Locale> out = new ArrayList<>();
        for (String tag : ExplainBenchmark.LOCALES) {
            Locale l = Locale.forLanguageTag(tag);
            if (Explainer.supportedLocales().contains(l)) {
                out.add(l);
            }
        }
        return out;
    }
}
