import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code Diagnoser.diagnose(String)} throughput of several builds of smtp-explain core side by side in
 * one JVM: each build's classes in its own class loader, rounds alternating between them, each round
 * timed in CPU time of this thread (so another process's load on the machine skews all builds alike).
 * Prints the median of the rounds after the first quarter (warm-up) and the best round per build.
 *
 * <pre>
 * git worktree add --detach /tmp/old COMMIT &amp;&amp; (cd /tmp/old &amp;&amp; mvn -q -pl core package -DskipTests)
 * java -Drounds=20 benchmarks/tools/SideBySide.java /tmp/old/core/target/classes core/target/classes
 * </pre>
 *
 * The texts are the 574 of {@code ../shared/eval/sisimai-replies.tsv} (another file with
 * {@code -Dreplies=PATH}), each as a caller would pass it: code, status and text on one line.
 */
public class SideBySide {
    private static volatile Object sink;

    public static void main(String[] classDirs) throws Exception {
        List<String> rows = Files.readAllLines(Path.of(System.getProperty("replies", "../shared/eval/sisimai-replies.tsv")));
        List<String> texts = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            String text = f[3];
            boolean hasCode = text.length() > 3 && Character.isDigit(text.charAt(0)) && (text.charAt(3) == ' ' || text.charAt(3) == '-');
            texts.add((hasCode ? text : (f[1] + " " + f[2] + " " + text)).strip());
        }
        int builds = classDirs.length;
        Object[] diagnosers = new Object[builds];
        Method[] diagnose = new Method[builds];
        for (int i = 0; i < builds; i++) {
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(classDirs[i]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass("dev.smtpexplain.core.Diagnoser");
            diagnosers[i] = type.getMethod("standard").invoke(null);
            diagnose[i] = type.getMethod("diagnose", String.class);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int rounds = Integer.getInteger("rounds", 20);
        List<List<Double>> rates = new ArrayList<>();
        for (int i = 0; i < builds; i++) {
            rates.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < builds; i++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int r = 0; r < 200; r++) {
                    for (String t : texts) {
                        sink = diagnose[i].invoke(diagnosers[i], t);
                    }
                }
                double rate = 200.0 * texts.size() / ((cpu.getCurrentThreadCpuTime() - start) / 1e9);
                if (round >= rounds / 4) {
                    rates.get(i).add(rate);
                }
            }
        }
        for (int i = 0; i < builds; i++) {
            List<Double> r = rates.get(i);
            Collections.sort(r);
            System.out.printf("%-60s median %,.0f replies/s  best %,.0f%n", classDirs[i], r.get(r.size() / 2), r.get(r.size() - 1));
        }
    }
}
