package dev.smtpexplain.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The shared bounce messages ({@code ../shared/eval/bounces/emails}), read into memory once and shared read-only. */
@State(Scope.Benchmark)
public class BounceFiles {

    /** System property naming the folder of {@code .eml} files. */
    static final String PROPERTY = "smtpexplain.bounces";

    byte[][] messages;

    static Path dir() {
        return Path.of(System.getProperty(PROPERTY, "../shared/eval/bounces/emails"));
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            messages = s.filter(p -> p.toString().endsWith(".eml")).sorted().map(BounceFiles::read).toArray(byte[][]::new);
        }
        if (messages.length == 0) {
            throw new IllegalStateException("no .eml files in " + dir().toAbsolutePath());
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
