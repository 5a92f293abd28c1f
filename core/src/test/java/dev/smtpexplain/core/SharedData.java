package dev.smtpexplain.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the project's shared reference tables ({@code ../shared}) in tests. */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder: system property {@code smtpexplain.shared.dir}, else {@code ../shared} from the repo root. */
    public static Path dir() {
        String p = System.getProperty("smtpexplain.shared.dir");
        if (p != null) {
            return Path.of(p);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path d = here; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("../shared/reference"))) {
                return d.resolve("../shared").normalize();
            }
        }
        return here.resolve("../../shared").normalize();
    }

    /** Whether the shared folder is present. */
    public static boolean present() {
        return Files.isDirectory(dir().resolve("reference"));
    }

    /** The rows of a TSV file below the shared folder, without comment lines and without the header. */
    public static List<String[]> tsv(String relative) {
        try {
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            for (String line : Files.readAllLines(dir().resolve(relative), StandardCharsets.UTF_8)) {
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
