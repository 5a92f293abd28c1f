package dev.smtpexplain.mail.bounce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shared bounce corpus ({@code ../shared/eval/bounces}) and the taxonomy's Sisimai mapping, for tests. */
public final class SharedBounces {

    private SharedBounces() {
    }

    /** The shared folder: system property {@code smtpexplain.shared.dir}, else {@code ../shared} above the working directory. */
    public static Path sharedDir() {
        String p = System.getProperty("smtpexplain.shared.dir");
        if (p != null) {
            return Path.of(p);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("../shared/reference"))) {
                return d.resolve("../shared").normalize();
            }
        }
        return Path.of("../shared");
    }

    public static Path dir() {
        return sharedDir().resolve("eval/bounces");
    }

    public static boolean present() {
        return Files.isRegularFile(dir().resolve("expected.tsv"));
    }

    /** One expected row: file, recipient, action, status, replycode, command, reason. */
    public record Row(String file, String recipient, String action, String status, String replyCode, String command, String reason) {
    }

    public static List<Row> expected(Path tsv) {
        List<Row> rows = new ArrayList<>();
        for (String[] f : tsvRows(tsv)) {
            rows.add(new Row(f[0], f[1].toLowerCase(java.util.Locale.ROOT), f[2], f[3], f[4], f[5], f[6]));
        }
        return rows;
    }

    /** category id → the Sisimai reasons it agrees with. */
    public static Map<String, Set<String>> sisimaiReasons() {
        Map<String, Set<String>> m = new HashMap<>();
        List<String[]> rows = tsvRows(sharedDir().resolve("reference/categories.tsv"));
        for (String[] f : rows) {
            String list = f.length > 4 ? f[4].strip() : "";
            m.put(f[0], list.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(list.split(","))));
        }
        return m;
    }

    private static List<String[]> tsvRows(Path p) {
        try {
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
