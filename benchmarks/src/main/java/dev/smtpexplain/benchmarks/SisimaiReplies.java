package dev.smtpexplain.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sisimai's reply-text matcher side by side: {@code benchmarks/sisimai-replies.pl} runs
 * {@code Sisimai::Reason->match($text)} (Perl, Debian package {@code libsisimai-perl}) over the same
 * strings {@link CorpusDiagnoseBenchmark}'s {@code diagnose(String)} variants diagnose, written to a file
 * one per line, in {@value #ROUNDS} rounds of at least {@value #ROUND_SECONDS} s each on one core.
 */
final class SisimaiReplies {

    static final int ROUNDS = 5;
    static final int ROUND_SECONDS = 1;
    static final String INSTALL_HINT = "apt-get install libsisimai-perl (Debian/Ubuntu), or cpanm Sisimai";

    private static final Pattern SUMMARY = Pattern.compile("sisimai v?(\\S+): (\\d+) texts, (\\d+) matched .*");
    private static final Pattern ROUND = Pattern.compile("round (\\d+): (\\d+) texts, ([\\d.]+) s wall, ([\\d.]+) s CPU .*");

    /** One round: how many texts Sisimai matched, in how much wall and CPU time. */
    record Round(long texts, double wallSeconds, double cpuSeconds) {

        double perWallSecond() {
            return texts / wallSeconds;
        }

        double perCpuSecond() {
            return cpuSeconds > 0 ? texts / cpuSeconds : Double.NaN;
        }
    }

    /** A whole run: Sisimai's version, the texts in the file, how many got a reason, and the rounds. */
    record Result(String version, int texts, int matched, List<Round> rounds) {

        /** The round with the most texts per wall-clock second (the least disturbed by other work). */
        Round best() {
            return rounds.stream().max(Comparator.comparingDouble(Round::perWallSecond)).orElseThrow();
        }
    }

    private final Path script;

    SisimaiReplies(Path script) {
        this.script = script;
    }

    /** The script: system property {@code smtpexplain.sisimai.script}, else {@code benchmarks/sisimai-replies.pl}. */
    static Path defaultScript() {
        return Path.of(System.getProperty("smtpexplain.sisimai.script", "benchmarks/sisimai-replies.pl")).toAbsolutePath().normalize();
    }

    /** Whether {@code perl -MSisimai -MSisimai::Reason -e1} works here, and the script is present. */
    boolean available() throws InterruptedException {
        if (!Files.isRegularFile(script)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("perl", "-MSisimai", "-MSisimai::Reason", "-e1")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no perl at all
        }
    }

    /** Writes the texts one per line (none may hold a line break) and times Sisimai on them. */
    Result run(List<String> texts, Path textsFile) throws IOException, InterruptedException {
        for (String t : texts) {
            if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a text holds a line break: " + t);
            }
        }
        Files.createDirectories(textsFile.toAbsolutePath().getParent());
        Files.writeString(textsFile, String.join("\n", texts) + "\n", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("perl", script.toString(), textsFile.toString(), Integer.toString(ROUNDS), Integer.toString(ROUND_SECONDS))
                .redirectErrorStream(true).start();
        List<String> output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the Sisimai script failed: " + String.join(" / ", output));
        }
        return parse(output);
    }

    static Result parse(List<String> output) {
        String version = null;
        int texts = 0;
        int matched = 0;
        List<Round> rounds = new ArrayList<>();
        for (String line : output) {
            Matcher s = SUMMARY.matcher(line);
            Matcher r = ROUND.matcher(line);
            if (s.matches()) {
                version = s.group(1);
                texts = Integer.parseInt(s.group(2));
                matched = Integer.parseInt(s.group(3));
            } else if (r.matches()) {
                rounds.add(new Round(Long.parseLong(r.group(2)), Double.parseDouble(r.group(3)), Double.parseDouble(r.group(4))));
            }
        }
        if (version == null || rounds.isEmpty()) {
            throw new IllegalStateException("unexpected output of the Sisimai script: " + String.join(" / ", output));
        }
        return new Result(version, texts, matched, List.copyOf(rounds));
    }
}
