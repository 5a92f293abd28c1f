package dev.smtpexplain.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Standard input, for {@code -}. When the caller closed it ({@code <&-}, as some cron and daemon setups do), the
 * JVM gives file descriptor 0 to the first file it opens, its own {@code lib/modules}, and {@link System#in} would
 * read that file as the input. Such an input is refused as closed.
 */
final class StandardInput {

    /** Why a closed standard input cannot be read, in the words of every "cannot read" line. */
    static final String CLOSED = "standard input is closed";

    /** The system property the launcher sets when it found standard input closed (it then gives the JVM /dev/null). */
    static final String CLOSED_PROPERTY = "smtpexplain.stdin.closed";

    private StandardInput() {
    }

    /** Standard input is closed: the reason of a "cannot read" line. */
    static final class ClosedException extends IOException {
        ClosedException() {
            super(CLOSED);
        }
    }

    /**
     * The process's standard input.
     *
     * @throws ClosedException if it was closed when the JVM started
     */
    static InputStream open() throws ClosedException {
        if (isClosed()) {
            throw new ClosedException();
        }
        return System.in;
    }

    /** Whether standard input was closed; false where that cannot be told (no /proc). */
    static boolean isClosed() {
        if (Boolean.getBoolean(CLOSED_PROPERTY)) {
            return true;
        }
        Path fd0 = Path.of("/proc/self/fd/0");
        if (!Files.isDirectory(fd0.getParent())) {
            return false;
        }
        try {
            return isTheJvmsOwn(Files.readSymbolicLink(fd0));
        } catch (NoSuchFileException e) {
            return true; // nothing holds descriptor 0
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Whether fd 0 names a file of the running JDK (lib/modules, a class-data archive): no caller means that as input. */
    static boolean isTheJvmsOwn(Path target) {
        if (!target.isAbsolute()) {
            return false; // "pipe:[…]", "socket:[…]": a real input
        }
        try {
            Path home = Path.of(System.getProperty("java.home")).toRealPath();
            return target.startsWith(home);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
