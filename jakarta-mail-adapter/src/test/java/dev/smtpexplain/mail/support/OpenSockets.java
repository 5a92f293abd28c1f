package dev.smtpexplain.mail.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Counts this JVM's open sockets from {@code /proc/self/fd} (Linux). Elsewhere it reports -1 and the
 * callers skip the check; the fake server's own record of who closed each connection still applies.
 */
public final class OpenSockets {

    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenSockets() {
    }

    /** Whether the count is available on this platform. */
    public static boolean countable() {
        return Files.isDirectory(FDS);
    }

    /** The number of open socket descriptors, or -1 when it cannot be read. */
    public static int count() {
        if (!countable()) {
            return -1;
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            return (int) fds.filter(OpenSockets::isSocket).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException | UnsupportedOperationException e) {
            // the descriptor closed while listing (or the one the listing itself used)
            return false;
        }
    }

    /** Waits up to {@code millis} for the count to drop to {@code atMost}; returns the last count. */
    public static int awaitAtMost(int atMost, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        int n = count();
        while (n > atMost && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            n = count();
        }
        return n;
    }
}
