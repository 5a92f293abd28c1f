package dev.smtpexplain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.mail.support.ReportStrings;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The adapter's own text handling (redaction patterns, address masking, host extraction, reply reading)
 * stays linear on pathological server text, like the core's diagnosis. A quadratic address pattern
 * once took 18 s for one 100 KB reply line; each case here is 16 times longer in its second run and
 * may take at most 64 times as long (a quadratic scan would take 256 times as long).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AnalysisTimeTest {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int SMALL = 16 * 1024;
    private static final int LARGE = 16 * SMALL;

    /** Near-misses for every pattern the adapter runs over server text. */
    private static final List<String> UNITS = List.of("A", "a@", "<", "<a@", "@", "AUTH PLAIN ", "AUTH LOGIN YWxpY2U= ",
            "password=\"", "pwd='", "token:", "Bearer ", "host: x", "Unknown SMTP host: ", "550-", "\u001B[", "\u202E",
            "user@example.com ");

    /** The exception kinds whose messages take different paths through the analysis. */
    private static final List<Function<String, MessagingException>> KINDS = List.of(
            text -> rcpt("550 5.1.1 " + text + " user unknown\n"),
            text -> new AuthenticationFailedException("535 5.7.8 " + text + "\n"),
            text -> new SMTPSendFailedException("DATA", 554, "554 5.7.1 " + text + "\n", null, null, null, null),
            text -> new MessagingException("Got bad greeting from SMTP host: h.test, port: 25, response: 554 " + text),
            text -> new MessagingException("Exception reading response", new SocketTimeoutException(text)));

    private static SMTPAddressFailedException rcpt(String message) {
        try {
            return new SMTPAddressFailedException(new InternetAddress("bob@example.test"), "RCPT TO:<bob@example.test>", 550, message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void analysisTimeGrowsLinearly() {
        SendFailureAnalyzer analyzer = SendFailureAnalyzer.standard();
        for (int k = 0; k < KINDS.size(); k++) {
            for (int u = 0; u < UNITS.size(); u++) {
                // every unit through a recipient refusal (the longest path), the others spread over the kinds
                if (k != 0 && u % (KINDS.size() - 1) != k - 1) {
                    continue;
                }
                String unit = UNITS.get(u);
                Function<String, MessagingException> kind = KINDS.get(k);
                MessagingException small = kind.apply(unit.repeat(SMALL / unit.length()));
                MessagingException large = kind.apply(unit.repeat(LARGE / unit.length()));
                long ts = fastestNanos(analyzer, small);
                long tl = fastestNanos(analyzer, large);
                assertThat((double) tl / ts).as("kind %d, unit '%s': %d ns vs %d ns", k, unit, ts, tl).isLessThan(64);
                ReportStrings.assertSanitized(analyzer.analyze(large, Locale.ENGLISH));
            }
        }
    }

    /**
     * The fastest of five runs in this thread's CPU time: time the thread spends waiting for a core on a
     * loaded machine (a CI runner, a parallel build) is not the analysis's, and counting it made the
     * ratio flaky.
     */
    private static long fastestNanos(SendFailureAnalyzer analyzer, MessagingException e) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long s = CPU.getCurrentThreadCpuTime();
            analyzer.analyze(e, Locale.ENGLISH);
            best = Math.min(best, CPU.getCurrentThreadCpuTime() - s);
        }
        return Math.max(1, best);
    }
}
