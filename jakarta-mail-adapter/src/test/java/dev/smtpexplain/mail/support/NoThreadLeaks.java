package dev.smtpexplain.mail.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves threads behind: servers not stopped, Jakarta Mail event queues not
 * terminated, the listener's timer still running. Threads may take a moment to end, so it waits.
 */
public final class NoThreadLeaks implements BeforeAllCallback, AfterAllCallback {

    private static final List<String> JVM = List.of("ForkJoinPool", "surefire", "process reaper", "Common-Cleaner",
            "Attach Listener", "Signal Dispatcher", "Notification Thread", "Reference Handler", "Finalizer", "junit",
            "JUnit", "Keep-Alive", "Cleaner", "main");
    private static final long WAIT_MILLIS = 4000;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(ExtensionContext.Namespace.create(NoThreadLeaks.class)).put("before", ids());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) throws InterruptedException {
        Set<Long> before = (Set<Long>) context.getStore(ExtensionContext.Namespace.create(NoThreadLeaks.class)).get("before");
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        List<String> leaked;
        do {
            leaked = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t.getId()) && JVM.stream().noneMatch(t.getName()::startsWith))
                    .map(Thread::getName).sorted().toList();
            if (leaked.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        assertThat(leaked).as("threads left running by " + context.getDisplayName()).isEmpty();
    }

    private static Set<Long> ids() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
    }
}
