package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The one phrasing of an unreadable input: the reason, never the path again (Java's own messages are the path). */
class ReadErrorTest {

    @Test
    void saysWhyInAFewWords() {
        assertThat(ReadError.reason(new NoSuchFileException("/x"))).isEqualTo("no such file");
        assertThat(ReadError.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(ReadError.reason(new NotDirectoryException("/x/y"))).isEqualTo("not a directory");
        assertThat(ReadError.reason(new MalformedInputException(1))).isEqualTo("not valid UTF-8");
        assertThat(ReadError.reason(new IOException("Is a directory"))).isEqualTo("is a directory");
        assertThat(ReadError.reason(new FileSystemException("/x", null, "Too many levels of symbolic links")))
                .isEqualTo("too many levels of symbolic links");
        assertThat(ReadError.reason(new StandardInput.ClosedException())).isEqualTo("standard input is closed");
    }

    @Test
    void thePathIsSanitized() {
        assertThat(ReadError.message("a\u001B[2J\nb\u202E.eml", new NoSuchFileException("x")))
                .isEqualTo("a b.eml: cannot read: no such file");
    }

    @Test
    void aPipeOrATerminalIsARealStandardInputAndTheJdksFilesAreNot() {
        Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
        assertThat(StandardInput.isTheJvmsOwn(modules.toAbsolutePath())).isTrue();
        assertThat(StandardInput.isTheJvmsOwn(Path.of("pipe:[1234]"))).isFalse();
        assertThat(StandardInput.isTheJvmsOwn(Path.of("/dev/pts/0"))).isFalse();
        assertThat(StandardInput.isTheJvmsOwn(Path.of("/dev/null"))).isFalse();
        assertThat(StandardInput.isTheJvmsOwn(Path.of("/home/alice/replies.tsv"))).isFalse();
    }
}
