import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How close the phrase scan is to the least a character-at-a-time automaton can cost on this machine.
 * Over the same texts (the Sisimai corpus's, as {@code SideBySide} builds them), in thread CPU time,
 * the median of the rounds after the first third:
 *
 * <ul>
 *   <li><b>bare loop</b>: {@code state = table[state + column[c]]} for every character, nothing else,
 *       over a table of 40 states that stays in the first-level cache. Each step waits for the load of
 *       the step before: this is the floor of any automaton that reads one character per step.</li>
 *   <li><b>scan</b>: the standard diagnoser's {@code PhraseAutomaton.scan} of each reply's lines (addresses
 *       and address literals found, phrases recorded), per character of those lines.</li>
 *   <li><b>diagnose(String)</b>: the whole call, per character of the text.</li>
 * </ul>
 *
 * It also prints the bytes a diagnosis allocates (the thread's allocation counter over the last round).
 *
 * <pre>
 * mvn -q -pl core package -DskipTests
 * java -cp core/target/classes benchmarks/tools/ScanFloor.java
 * </pre>
 */
public class ScanFloor {
    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        List<String> rows = Files.readAllLines(Path.of(System.getProperty("replies", "../shared/eval/sisimai-replies.tsv")));
        List<String> texts = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            String text = f[3];
            boolean hasCode = text.length() > 3 && Character.isDigit(text.charAt(0)) && (text.charAt(3) == ' ' || text.charAt(3) == '-');
            texts.add((hasCode ? text : (f[1] + " " + f[2] + " " + text)).strip());
        }
        dev.smtpexplain.core.Diagnoser diagnoser = dev.smtpexplain.core.Diagnoser.standard();
        Field engine = dev.smtpexplain.core.Diagnoser.class.getDeclaredField("engine");
        engine.setAccessible(true);
        dev.smtpexplain.core.internal.PhraseAutomaton automaton = ((dev.smtpexplain.core.internal.RuleEngine) engine.get(diagnoser)).automaton();
        List<List<String>> lines = new ArrayList<>();
        long textChars = 0;
        long lineChars = 0;
        for (String t : texts) {
            textChars += t.length();
            List<String> l = dev.smtpexplain.core.SmtpReply.parseLenient(t).lines();
            lines.add(l);
            for (String s : l) {
                lineChars += s.length();
            }
        }
        int width = 39;
        int states = 40;
        int[] table = new int[states * width];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < table.length; i++) {
            table[i] = random.nextInt(states) * width;
        }
        byte[] column = new byte[128];
        for (int c = 0; c < 128; c++) {
            column[c] = (byte) (c % width);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int rounds = Integer.getInteger("rounds", 30);
        double[][] perChar = new double[3][rounds];
        for (int round = 0; round < rounds; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            int acc = 0;
            for (int k = 0; k < 20; k++) {
                for (String t : texts) {
                    int state = 0;
                    for (int i = 0; i < t.length(); i++) {
                        state = table[state + column[t.charAt(i) & 127]];
                    }
                    acc += state;
                }
            }
            sink = acc;
            perChar[0][round] = (cpu.getCurrentThreadCpuTime() - start) / (20.0 * textChars);
            start = cpu.getCurrentThreadCpuTime();
            for (int k = 0; k < 20; k++) {
                for (List<String> l : lines) {
                    sink = automaton.scan(l);
                }
            }
            perChar[1][round] = (cpu.getCurrentThreadCpuTime() - start) / (20.0 * lineChars);
            start = cpu.getCurrentThreadCpuTime();
            for (int k = 0; k < 20; k++) {
                for (String t : texts) {
                    sink = diagnoser.diagnose(t);
                }
            }
            perChar[2][round] = (cpu.getCurrentThreadCpuTime() - start) / (20.0 * textChars);
        }
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) cpu;
        long before = allocation.getCurrentThreadAllocatedBytes();
        for (String t : texts) {
            sink = diagnoser.diagnose(t);
        }
        double bytesPerDiagnosis = (double) (allocation.getCurrentThreadAllocatedBytes() - before) / texts.size();
        String[] names = {"bare loop (one dependent load a character)", "PhraseAutomaton.scan", "Diagnoser.diagnose(String)"};
        System.out.printf("%d texts, %.0f characters on average%n", texts.size(), (double) textChars / texts.size());
        for (int m = 0; m < 3; m++) {
            double[] x = Arrays.copyOfRange(perChar[m], rounds / 3, rounds);
            Arrays.sort(x);
            System.out.printf("%-45s %5.2f ns a character (median), %,.0f ns a text%n", names[m], x[x.length / 2],
                    x[x.length / 2] * textChars / texts.size());
        }
        System.out.printf("bytes allocated a diagnosis: %,.0f%n", bytesPerDiagnosis);
    }
}
