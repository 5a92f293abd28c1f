import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.SmtpReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores documented-corpus rows with whatever smtp-explain core is on the class path, typically an
 * older commit's, so that rows collected after it are an honest "never seen" measure. Prints the rows it
 * gets wrong, the overall figure on unambiguous rows and a reliability table (right per confidence).
 *
 * <pre>
 * git worktree add --detach /tmp/old COMMIT &amp;&amp; (cd /tmp/old &amp;&amp; mvn -q -pl core package -DskipTests)
 * java -cp /tmp/old/core/target/classes core/src/test/tools/UnseenReliability.java \
 *     core/src/test/resources/dev/smtpexplain/core/documented/providers.tsv 740 ...
 * </pre>
 *
 * Arguments come in pairs: a TSV file and the first line (1-based, after the header) to score. A second
 * table groups the rows by the kind of evidence that decided (a strong or weak text rule, a status, a
 * basic code, the word model, the class digit, nothing), with "refused by policy" apart, whatever the build's
 * confidence levels were; weak rules are those its own {@code rules.txt} marks {@code weak}.
 */
public class UnseenReliability {
    public static void main(String[] args) throws Exception {
        // -Dwords=off: the same build without its word model, to see what the model adds
        // (looked up by name, so that builds from before the word model, which have no such method, compile this tool too)
        Diagnoser diagnoser = Diagnoser.standard();
        if ("off".equals(System.getProperty("words"))) {
            Diagnoser.Builder builder = Diagnoser.builder();
            diagnoser = ((Diagnoser.Builder) Diagnoser.Builder.class.getMethod("withoutWordModel").invoke(builder)).build();
        }
        Map<Double, int[]> byConfidence = new TreeMap<>(Comparator.reverseOrder());
        Map<String, int[]> byEvidence = new TreeMap<>();
        Map<Double, int[]> wordsByConfidence = new TreeMap<>(Comparator.reverseOrder());
        java.util.Set<String> weak = new java.util.HashSet<>();
        try (var in = Diagnoser.class.getResourceAsStream("/dev/smtpexplain/core/rules.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] w = line.strip().split("\\s+");
                if (line.startsWith("rule ") && w.length > 3 && w[3].matches("(.*,)?weak(,.*)?")) {
                    weak.add(w[1]);
                }
            }
        }
        int right = 0;
        int total = 0;
        for (int k = 0; k + 1 < args.length; k += 2) {
            List<String> lines = Files.readAllLines(Path.of(args[k]));
            for (int i = Math.max(Integer.parseInt(args[k + 1]) - 1, 1); i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", -1);
                if (f.length < 7 || f[5].equals("yes")) {
                    continue;
                }
                Integer code = f[0].isEmpty() ? null : Integer.valueOf(f[0]);
                SmtpReply reply;
                try {
                    reply = SmtpReply.of(code, f[1].isEmpty() ? null : f[1], f[2]);
                } catch (IllegalArgumentException e) {
                    reply = SmtpReply.of(code, null, f[2]);
                }
                Diagnosis d = diagnoser.diagnose(reply);
                boolean ok = d.category().id().equals(f[3]);
                total++;
                right += ok ? 1 : 0;
                int[] c = byConfidence.computeIfAbsent(d.confidence(), x -> new int[2]);
                c[0] += ok ? 1 : 0;
                c[1]++;
                String rule = d.evidence().ruleId();
                if (Boolean.getBoolean("per.rule")) {
                    // -Dper.rule=true: one line per row, for a table by rule ("rule<TAB>id<TAB>right")
                    System.out.println("rule\t" + rule + "\t" + ok);
                }
                String kind = rule.startsWith("code:") ? "basic code" : rule.startsWith("status:") ? "enhanced status"
                        : rule.startsWith("class:") ? "class digit" : rule.equals("none") ? "nothing"
                        : rule.startsWith("words:") ? "word model"
                        : weak.contains(rule) ? "weak text rule" : "text rule or token";
                if (d.category().id().equals("policy-violation") && !kind.equals("text rule or token")) {
                    kind += ", refused by policy";
                }
                if (kind.equals("word model")) {
                    int[] w = wordsByConfidence.computeIfAbsent(d.confidence(), x -> new int[2]);
                    w[0] += ok ? 1 : 0;
                    w[1]++;
                }
                int[] e = byEvidence.computeIfAbsent(kind, x -> new int[2]);
                e[0] += ok ? 1 : 0;
                e[1]++;
                String show = System.getProperty("show.confidence");
                if (show != null && Double.parseDouble(show) == d.confidence()) {
                    // -Dshow.confidence=0.75: every row at that level, right or wrong, with the reply's status
                    System.out.println("at " + show + " " + (ok ? "right " : "wrong ") + f[3] + " <- " + d.category().id() + " ["
                            + rule + "] " + f[0] + " " + f[1] + " " + f[2].substring(0, Math.min(150, f[2].length())));
                }
                if (!ok) {
                    System.out.println(f[3] + " <- " + d.category().id() + " [" + d.evidence().ruleId() + "] " + f[0] + " " + f[1] + " "
                            + f[2].substring(0, Math.min(150, f[2].length())));
                }
            }
        }
        System.out.printf("unambiguous rows right: %d/%d = %.1f%%%n", right, total, 100.0 * right / Math.max(1, total));
        System.out.println("| confidence | replies | right |");
        System.out.println("|---:|---:|---:|");
        byConfidence.forEach((conf, c) -> System.out.printf("| %.2f | %d | %.1f%% |%n", conf, c[1], 100.0 * c[0] / c[1]));
        System.out.println();
        System.out.println("| decided by | replies | right |");
        System.out.println("|---|---:|---:|");
        byEvidence.forEach((kind, c) -> System.out.printf("| %s | %d | %.1f%% |%n", kind, c[1], 100.0 * c[0] / c[1]));
        if (!wordsByConfidence.isEmpty()) {
            System.out.println();
            System.out.println("| the word model's answers at confidence | replies | right |");
            System.out.println("|---:|---:|---:|");
            wordsByConfidence.forEach((conf, c) -> System.out.printf("| %.2f | %d | %.1f%% |%n", conf, c[1], 100.0 * c[0] / c[1]));
        }
    }
}
