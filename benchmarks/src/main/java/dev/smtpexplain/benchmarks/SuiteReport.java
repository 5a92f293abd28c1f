package dev.smtpexplain.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns the suite's measurements into one table: measure, median, mean ± error, target, verdict. */
final class SuiteReport {

    static final double MIN_REPLIES_PER_SECOND = 1_000_000;
    static final double MIN_TWO_THREAD_SCALING = 1.8;
    static final double MAX_RULE_SLOWDOWN = 1.5;
    static final double MAX_MILLIS_PER_MIB = 20;
    static final double MAX_PER_CHAR_GROWTH = 1.5;
    static final double MAX_EXPLAIN_MICROS = 5;
    static final double MAX_SEND_OVERHEAD = 0.02;
    static final double MIN_BOUNCES_PER_SECOND = 10_000;
    static final double MIN_SISIMAI_RATIO = 150;

    private static final int[] TEXT_SIZES = {1024, 65536, 1048576};
    private static final String[] TEXT_KINDS = {"ordinary", "pathological"};

    private final MarkdownTable table = new MarkdownTable("measure", "median", "mean ± 99.9% error", "target", "verdict");
    private final JmhResults jmh;

    SuiteReport(JmhResults jmh) {
        this.jmh = jmh;
    }

    String render() {
        return table.render();
    }

    void addCorpusThroughput(int corpusSize) {
        addThroughput("oneThread", "twoThreads", "diagnose(SmtpReply), corpus (" + corpusSize + " replies parsed beforehand)");
        addThroughput("stringOneThread", "stringTwoThreads", "diagnose(String), corpus (" + corpusSize + " replies, parsing included)");
    }

    private void addThroughput(String oneMethod, String twoMethod, String what) {
        Optional<Measurement> one = jmh.find(CorpusDiagnoseBenchmark.class, oneMethod);
        Optional<Measurement> two = jmh.find(CorpusDiagnoseBenchmark.class, twoMethod);
        one.ifPresent(m -> table.add(what + ", 1 thread", count(m.median()) + " replies/s",
                error(m, count(m.mean())), "≥ 1,000,000 replies/s", verdict(m.median() >= MIN_REPLIES_PER_SECOND, "")));
        two.ifPresent(m -> {
            String scaling = one.map(o -> {
                Measurement.Ratio r = m.over(o);
                return verdict(r.value() >= MIN_TWO_THREAD_SCALING, ratio(r) + " of 1 thread");
            }).orElse("—");
            table.add(what + ", 2 threads (total)", count(m.median()) + " replies/s", error(m, count(m.mean())),
                    "near-linear: ≥ " + MIN_TWO_THREAD_SCALING + "× 1 thread", scaling);
        });
    }

    /**
     * Sisimai's matcher on the same strings (its best round, wall clock, as JMH measures), and
     * {@code diagnose(String)} on one thread over that.
     */
    void addSisimai(SisimaiReplies.Result sisimai) {
        SisimaiReplies.Round best = sisimai.best();
        String rounds = String.join(" / ", sisimai.rounds().stream().map(r -> count(r.perWallSecond())).toList());
        table.add("Sisimai " + sisimai.version() + " Reason->match, same " + sisimai.texts() + " strings, 1 core",
                count(best.perWallSecond()) + " texts/s (best round)",
                "rounds " + rounds + "; best " + count(best.perCpuSecond()) + " per CPU-s", "—",
                "— (" + sisimai.matched() + " of " + sisimai.texts() + " given a reason)");
        Optional<Measurement> one = jmh.find(CorpusDiagnoseBenchmark.class, "stringOneThread");
        String target = "≥ " + (int) MIN_SISIMAI_RATIO + "× Sisimai";
        String what = "diagnose(String) 1 thread ÷ Sisimai's best round";
        if (one.isEmpty()) {
            table.add(what, "—", "—", target, "skipped: CorpusDiagnoseBenchmark.stringOneThread did not run");
            return;
        }
        Measurement m = one.get();
        double value = m.median() / best.perWallSecond();
        // Sisimai's rounds give no confidence interval: the error is diagnose(String)'s alone
        table.add(what, String.format(Locale.ROOT, "%.0f×", value),
                String.format(Locale.ROOT, "%.0f× ± %.1f%%", m.mean() / best.perWallSecond(), m.relativeError() * 100),
                target, verdict(value >= MIN_SISIMAI_RATIO, ""));
    }

    void addSisimaiSkipped(String reason) {
        table.add("diagnose(String) 1 thread ÷ Sisimai's best round", "—", "—", "≥ " + (int) MIN_SISIMAI_RATIO + "× Sisimai",
                "skipped: " + reason);
    }

    void addCliBatch(List<CliBatch.Timing> timings) {
        for (CliBatch.Timing t : timings) {
            table.add("CLI explain --batch -, " + count(CliBatch.LINES) + " lines, " + t.variant(),
                    count(t.median()) + " lines/s after the first",
                    String.format(Locale.ROOT, "min %s, max %s (%d runs); first line at %.0f ms, all at %.1f s",
                            count(t.min()), count(t.max()), t.linesPerSecond().length, t.medianFirstLineMillis(),
                            t.medianTotalMillis() / 1000),
                    "— (none in the issue)", "—");
        }
    }

    void addCliBatchSkipped(String reason) {
        table.add("CLI explain --batch -, " + count(CliBatch.LINES) + " lines", "—", "—", "— (none in the issue)", "skipped: " + reason);
    }

    void addBounces() {
        jmh.find(BounceReadBenchmark.class, "oneThread").ifPresent(m -> table.add("read and explain bounces (shared eval/bounces), 1 thread",
                count(m.median()) + " messages/s", error(m, count(m.mean())), "≥ 10,000 messages/s (30× Sisimai's 300/s)",
                verdict(m.median() >= MIN_BOUNCES_PER_SECOND, "")));
        jmh.find(BounceReadBenchmark.class, "twoThreads").ifPresent(m -> table.add("read and explain bounces, 2 threads (total)",
                count(m.median()) + " messages/s", error(m, count(m.mean())), "—", "—"));
    }

    void addRuleCount() {
        Optional<Measurement> base = jmh.find(RuleCountBenchmark.class, "diagnose", Map.of("extraRules", "0"));
        Optional<Measurement> more = jmh.find(RuleCountBenchmark.class, "diagnose", Map.of("extraRules", "2000"));
        base.ifPresent(m -> table.add("diagnose corpus, built-in rules", count(m.median()) + " replies/s",
                error(m, count(m.mean())), "baseline", "—"));
        more.ifPresent(m -> {
            String v = base.map(b -> {
                Measurement.Ratio slowdown = b.over(m);
                return verdict(slowdown.value() <= MAX_RULE_SLOWDOWN, ratio(slowdown) + " the time");
            }).orElse("—");
            table.add("diagnose corpus, + 2,000 app rules", count(m.median()) + " replies/s", error(m, count(m.mean())),
                    "≤ " + MAX_RULE_SLOWDOWN + "× the time", v);
        });
    }

    void addTextLength() {
        for (String kind : TEXT_KINDS) {
            Measurement previous = null;
            for (int chars : TEXT_SIZES) {
                Optional<Measurement> found = jmh.find(TextLengthBenchmark.class, "diagnose",
                        Map.of("chars", Integer.toString(chars), "text", kind));
                if (found.isEmpty()) {
                    continue;
                }
                Measurement m = found.get();
                double nsPerChar = m.median() * 1000 / chars;
                String size = chars >= 1 << 20 ? chars / (1 << 20) + " MiB" : chars / 1024 + " KiB";
                String target = "linear";
                String v = "—";
                if (previous != null && chars > TEXT_SIZES[1]) {
                    double growth = nsPerChar / (previous.median() * 1000 / TEXT_SIZES[1]);
                    boolean linear = growth <= MAX_PER_CHAR_GROWTH;
                    boolean fast = m.median() / 1000 <= MAX_MILLIS_PER_MIB;
                    target = "< " + (int) MAX_MILLIS_PER_MIB + " ms; per char ≤ " + MAX_PER_CHAR_GROWTH + "× of 64 KiB";
                    v = verdict(linear && fast, String.format(Locale.ROOT, "%.2f× per char", growth));
                }
                table.add("diagnose " + size + " reply, " + kind + " text", micros(m.median()) + String.format(Locale.ROOT, " (%.1f ns/char)", nsPerChar),
                        error(m, micros(m.mean())), target, v);
                if (chars == TEXT_SIZES[1]) {
                    previous = m;
                }
            }
        }
    }

    void addExplain(List<Locale> supported) {
        if (jmh.find(ExplainBenchmark.class, "explain", Map.of("locale", "en")).isEmpty()) {
            return;
        }
        for (String tag : ExplainBenchmark.LOCALES) {
            Locale locale = Locale.forLanguageTag(tag);
            String what = "explain a diagnosis, " + tag;
            String target = "< " + (int) MAX_EXPLAIN_MICROS + " µs";
            if (!supported.contains(locale)) {
                table.add(what, "—", "—", target, "skipped: no " + tag + " catalog in this build (supported: " + tags(supported) + ")");
                continue;
            }
            jmh.find(ExplainBenchmark.class, "explain", Map.of("locale", tag)).ifPresent(m ->
                    table.add(what, micros(m.median()), error(m, micros(m.mean())), target, verdict(m.median() < MAX_EXPLAIN_MICROS, "")));
        }
    }

    void addMemory(List<MemoryFootprint.Footprint> footprints) {
        for (MemoryFootprint.Footprint f : footprints) {
            table.add("retained heap, " + f.what(), mebibytes(f.bytes()), String.format(Locale.ROOT, "%,d objects (JOL)", f.objects()),
                    "≤ " + mebibytes(f.budget()), verdict(f.bytes() <= f.budget(), ""));
        }
    }

    void addColdStart(List<ColdStart.Timing> timings) {
        for (ColdStart.Timing t : timings) {
            table.add("cold start, CLI " + t.variant(), String.format(Locale.ROOT, "%.0f ms", t.median()),
                    String.format(Locale.ROOT, "min %.0f, max %.0f ms (%d runs)", t.min(), t.max(), t.millis().length),
                    "≤ " + ColdStart.BUDGET_MILLIS + " ms", verdict(t.median() <= ColdStart.BUDGET_MILLIS, ""));
        }
    }

    void addColdStartSkipped(String reason) {
        table.add("cold start, CLI", "—", "—", "≤ " + ColdStart.BUDGET_MILLIS + " ms", "skipped: " + reason);
    }

    void addSendOverhead() {
        Optional<Measurement> plain = jmh.find(TransportSendBenchmark.class, "send2000", Map.of("sender", "plain"));
        Optional<Measurement> wrapped = jmh.find(TransportSendBenchmark.class, "send2000", Map.of("sender", "adapter"));
        plain.ifPresent(m -> table.add("send 2,000 messages to 127.0.0.1, plain Angus transport", micros(m.median()) + "/message",
                error(m, micros(m.mean())), "baseline", "—"));
        wrapped.ifPresent(m -> {
            String v = plain.map(p -> {
                Measurement.Ratio r = m.over(p);
                double overhead = r.value() - 1;
                return verdict(overhead <= MAX_SEND_OVERHEAD,
                        String.format(Locale.ROOT, "%+.1f%% ± %.1f%%", overhead * 100, r.error() * 100));
            }).orElse("—");
            table.add("send 2,000 messages, adapter ExplainingSender", micros(m.median()) + "/message",
                    error(m, micros(m.mean())), "≤ +" + (int) (MAX_SEND_OVERHEAD * 100) + "% time", v);
        });
    }

    private static String verdict(boolean met, String detail) {
        String word = met ? "met" : "NOT MET";
        return detail.isEmpty() ? word : word + ": " + detail;
    }

    private static String ratio(Measurement.Ratio r) {
        return String.format(Locale.ROOT, "%.2f× ± %.2f", r.value(), r.error());
    }

    private static String error(Measurement m, String formattedMean) {
        if (Double.isNaN(m.error())) {
            return formattedMean;
        }
        return formattedMean + String.format(Locale.ROOT, " ± %.1f%%", m.relativeError() * 100);
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A time given in microseconds, in the unit that reads best. */
    private static String micros(double us) {
        if (us >= 1000) {
            return String.format(Locale.ROOT, "%.2f ms", us / 1000);
        }
        if (us >= 10) {
            return String.format(Locale.ROOT, "%.1f µs", us);
        }
        return String.format(Locale.ROOT, "%.2f µs", us);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (double) (1 << 20));
    }

    private static String tags(List<Locale> locales) {
        return String.join(", ", locales.stream().map(Locale::toLanguageTag).toList());
    }
}
