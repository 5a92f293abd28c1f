package dev.smtpexplain.mail;

import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.internal.Attempt;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.event.TransportEvent;
import jakarta.mail.event.TransportListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Turns Jakarta Mail's TransportEvents into report callbacks:
 *
 * <pre>{@code
 * ReportingTransportListener reports = ReportingTransportListener.attach(transport, (message, report) -> audit(report));
 * try {
 *     transport.sendMessage(message, recipients);
 * } catch (MessagingException e) {
 *     reports.exceptionThrown(transport, message, e);   // the exception has the codes and text
 *     throw e;
 * }
 * }</pre>
 *
 * <p>A TransportEvent carries addresses but no reply code or text, and it arrives on Jakarta Mail's
 * event thread, before or after {@code sendMessage} throws. The exception is the source of truth, so
 * the listener pairs each NOT_DELIVERED / PARTIALLY_DELIVERED event with the exception for the same
 * (Transport, Message) object pair, whichever comes first, and reports once; when the same message is
 * sent again on the same Transport, the n-th exception goes with the n-th event. If the other half does
 * not arrive within the correlation timeout (default 2 s), it reports what it has: an exception alone
 * (connect and AUTH failures fire no event), or an event alone (the application never passed the
 * exception; the report then has category {@code unknown} and the event's addresses).
 * Given to {@link ExplainingSender}, the listener is not added to the sender's Transports: the sender
 * reports each outcome to it directly, because Jakarta Mail can drop an event when the Transport is
 * closed right after it (its {@code EventQueue} thread reads the queue only once it runs, and
 * {@code close()} may have cleared it by then).
 *
 * <p>Callbacks run on the thread that completes the pair (the event thread, the sending thread or the
 * listener's timer thread); exceptions they throw are logged and swallowed: at {@code WARNING}, through
 * {@code java.util.logging}, to the logger named after this class (an SLF4J or Log4j application sees the
 * line through its JUL bridge, such as {@code jul-to-slf4j}). Nothing else in the library logs. {@link #close()} reports
 * what is pending and stops the timer thread, which otherwise ends by itself when idle.
 */
public final class ReportingTransportListener implements TransportListener, AutoCloseable {

    /** The default time to wait for the other half of an event/exception pair. */
    public static final Duration DEFAULT_CORRELATION_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(ReportingTransportListener.class.getName());

    /** What the application hears. Called once per send; an exception a callback throws is logged and swallowed. */
    public interface Callbacks {
        /**
         * The message was delivered to {@code recipients}. Called for DELIVERED events and for an
         * {@link ExplainingSender}'s successful sends. Does nothing by default.
         *
         * @param message the message sent, or null when the event carried none
         * @param recipients the accepted addresses; empty when the event named none
         */
        default void onDelivered(@Nullable Message message, List<String> recipients) {
        }

        /**
         * The message failed, reached only some recipients, or was sent without the server confirming it.
         *
         * @param message the message, or null when the event carried none
         * @param report the report; {@link SendFailureReport#outcome()} tells failure from partial delivery and from an
         *     unconfirmed send
         */
        void onFailure(@Nullable Message message, SendFailureReport report);
    }

    private final SendFailureAnalyzer analyzer;
    private final LocaleSource locales;
    private final Callbacks callbacks;
    private final long timeoutMillis;
    /** Per (Transport, Message), its sends in order; guarded by itself. */
    private final Map<Key, Deque<Pending>> pending = new HashMap<>();
    private final ScheduledThreadPoolExecutor timer;

    /**
     * Creates a listener reporting with the standard analyzer in the JVM's default locale, with the
     * {@linkplain #DEFAULT_CORRELATION_TIMEOUT default correlation timeout}.
     *
     * @param callbacks what the application hears
     */
    public ReportingTransportListener(Callbacks callbacks) {
        this(SendFailureAnalyzer.standard(), LocaleSource.jvmDefault(), callbacks, DEFAULT_CORRELATION_TIMEOUT);
    }

    /**
     * Creates a listener with its own analyzer, locale source and correlation timeout.
     *
     * @param analyzer writes the reports
     * @param locales the reports' locale, asked on the sending thread in {@link #exceptionThrown}; for an
     *     event that never gets its exception, on the thread that reports it
     * @param callbacks what the application hears
     * @param correlationTimeout how long to wait for the other half of an event/exception pair; positive,
     *     applied in whole milliseconds
     * @throws IllegalArgumentException if the timeout is zero or negative
     */
    public ReportingTransportListener(SendFailureAnalyzer analyzer, LocaleSource locales, Callbacks callbacks,
                                      Duration correlationTimeout) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.locales = Objects.requireNonNull(locales, "locales");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        if (correlationTimeout.isNegative() || correlationTimeout.isZero()) {
            throw new IllegalArgumentException("correlationTimeout must be positive: " + correlationTimeout);
        }
        this.timeoutMillis = correlationTimeout.toMillis();
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "smtp-explain-correlation");
            t.setDaemon(true);
            return t;
        });
        // the thread ends when nothing is pending, so an idle listener holds no thread
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Creates a listener with the standard analyzer and adds it to {@code transport}.
     *
     * @param transport the Transport to listen to
     * @param callbacks what the application hears
     * @return the listener; close it when the Transport is done to report what is still pending
     */
    public static ReportingTransportListener attach(Transport transport, Callbacks callbacks) {
        ReportingTransportListener l = new ReportingTransportListener(callbacks);
        transport.addTransportListener(l);
        return l;
    }

    /**
     * Hands over the exception {@code transport.sendMessage(message, …)} threw (or {@code connect}, then
     * with the message about to be sent: its own recipients, To, Cc and Bcc, are then the report's "not sent to").
     * Call it from the catch block, on the sending thread: the report's locale is taken here.
     *
     * @param transport the Transport that threw
     * @param message the message being sent
     * @param exception what {@code sendMessage} or {@code connect} threw
     */
    public void exceptionThrown(Transport transport, Message message, MessagingException exception) {
        Objects.requireNonNull(exception, "exception");
        exceptionThrown(transport, message, exception, Attempt.unknown(), locales.locale());
    }

    /** From {@link ExplainingSender}: it knows the outcome, so there is nothing to pair. */
    void sentBySender(Message message, List<String> recipients) {
        deliver(message, recipients);
    }

    /** From {@link ExplainingSender}: the exception with what the sender knows; reported at once. */
    void failedBySender(Message message, MessagingException exception, Attempt attempt, Locale locale) {
        SendFailureReport report = analyzer.analyze(exception, locale, attempt);
        if (report.outcome() == Outcome.DELIVERED) {
            deliver(message, report.acceptedRecipients());
        } else {
            fail(message, report);
        }
    }

    private void exceptionThrown(Transport transport, Message message, MessagingException exception, Attempt attempt, Locale locale) {
        // failures before sendMessage (connect, TLS, AUTH, no transport yet) fire no event: don't wait
        boolean noEvent = transport == null || attempt.phase() == Attempt.Phase.CONNECT
                || attempt.phase() == Attempt.Phase.UNKNOWN && analyzer.analyze(exception, locale, attempt).stage().isSessionSetup();
        if (noEvent) {
            Pending alone = new Pending();
            alone.exception = exception;
            // before sendMessage nothing names the recipients but the message itself: its To, Cc and Bcc were not sent to
            alone.attempt = attempt.recipients().isEmpty() ? attempt.withRecipients(ownRecipients(message)) : attempt;
            alone.locale = locale;
            report(message, alone).run();
            return;
        }
        arrive(new Key(transport, message), p -> p.exception == null, p -> {
            p.exception = exception;
            p.attempt = attempt;
            p.locale = locale;
        });
    }

    private static List<String> ownRecipients(@Nullable Message message) {
        if (message == null) {
            return List.of();
        }
        try {
            List<String> all = Attempt.addresses(message.getAllRecipients());
            return all == null ? List.of() : all;
        } catch (MessagingException | RuntimeException e) {
            return List.of(); // headers it cannot parse: no list rather than no report
        }
    }

    @Override
    public void messageDelivered(TransportEvent e) {
        deliver(e.getMessage(), Attempt.addresses(e.getValidSentAddresses()));
    }

    @Override
    public void messageNotDelivered(TransportEvent e) {
        event(e, false);
    }

    @Override
    public void messagePartiallyDelivered(TransportEvent e) {
        event(e, true);
    }

    private void event(TransportEvent e, boolean partially) {
        Key key = new Key(e.getSource(), e.getMessage());
        Attempt.EventAddresses addresses = new Attempt.EventAddresses(Attempt.addresses(e.getValidSentAddresses()),
                Attempt.addresses(e.getValidUnsentAddresses()), Attempt.addresses(e.getInvalidAddresses()));
        arrive(key, p -> p.event == null, p -> {
            p.event = addresses;
            p.partially = partially;
        });
    }

    /**
     * One half of a send (its exception or its event) arrives: it joins the oldest send of the pair that
     * still lacks that half, or starts one. A send that was reported with this half missing takes it as
     * its late half and is done with.
     */
    private void arrive(Key key, Predicate<Pending> lacksThisHalf, Consumer<Pending> fill) {
        Runnable report;
        synchronized (pending) {
            Deque<Pending> sends = pending.computeIfAbsent(key, k -> new ArrayDeque<>());
            Pending p = oldest(sends, lacksThisHalf);
            if (p != null && p.done) {
                forget(key, p);
                return;
            }
            if (p == null) {
                p = new Pending();
                sends.addLast(p);
            }
            fill.accept(p);
            report = p.exception != null && p.event != null ? complete(key, p) : waitForOtherHalf(key, p);
        }
        report.run();
    }

    /**
     * The oldest send of this (Transport, Message) pair that still lacks the half {@code lacking} asks
     * about. Sends on one Transport are sequential, and Jakarta Mail fires their events in order, so the
     * n-th exception belongs with the n-th event even when a retry's exception overtakes the first
     * send's event.
     */
    private static Pending oldest(Deque<Pending> sends, Predicate<Pending> lacking) {
        for (Pending p : sends) {
            if (lacking.test(p)) {
                return p;
            }
        }
        return null;
    }

    /** Waits for the other half; reports what there is when the timeout passes. Called holding the lock. */
    private Runnable waitForOtherHalf(Key key, Pending p) {
        p.timeout = later(() -> {
            Runnable r;
            synchronized (pending) {
                r = p.done ? () -> { } : complete(key, p);
            }
            r.run();
        });
        // closed: nothing will wait, so report what there is now
        return p.timeout != null ? () -> { } : complete(key, p);
    }

    /** Runs {@code task} after the correlation timeout; null once the listener is closed. */
    private Future<?> later(Runnable task) {
        try {
            return timer.schedule(task, timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /**
     * Marks the send reported, holding the lock, and returns what reports it, to run outside the lock.
     * A send with both halves is done with; one reported with a half missing stays a while, so that
     * the late half is recognized as its own and not taken for the next send's.
     */
    private Runnable complete(Key key, Pending p) {
        p.done = true;
        if (p.timeout != null) {
            p.timeout.cancel(false);
        }
        boolean bothHalves = p.exception != null && p.event != null;
        Future<?> keep = bothHalves ? null : later(() -> {
            synchronized (pending) {
                forget(key, p);
            }
        });
        if (keep == null) {
            forget(key, p); // both halves, or the listener is closed: nothing late to recognize
        }
        return report(key.message instanceof Message m ? m : null, p);
    }

    /** Removes a send; called holding the lock. */
    private void forget(Key key, Pending p) {
        Deque<Pending> sends = pending.get(key);
        if (sends != null && sends.remove(p) && sends.isEmpty()) {
            pending.remove(key);
        }
    }

    /** Builds the report from what a finished send has (its halves no longer change) and hands it on. */
    private Runnable report(Message message, Pending p) {
        return () -> {
            SendFailureReport report;
            if (p.exception != null) {
                Attempt a = p.event == null ? p.attempt : p.attempt.withEvent(p.event);
                report = analyzer.analyze(p.exception, p.locale, a);
            } else {
                report = analyzer.analysis().fromEvent(p.partially, p.event, locales.locale(), Attempt.unknown());
            }
            if (report.outcome() == Outcome.DELIVERED) {
                deliver(message, report.acceptedRecipients());
            } else {
                fail(message, report);
            }
        };
    }

    private void fail(Message message, SendFailureReport report) {
        try {
            callbacks.onFailure(message, report);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "onFailure callback failed", ex);
        }
    }

    private void deliver(Message message, List<String> recipients) {
        try {
            callbacks.onDelivered(message, recipients == null ? List.of() : recipients);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "onDelivered callback failed", ex);
        }
    }

    /**
     * Reports every pair still waiting for its other half and stops the timer thread. Events and
     * exceptions that arrive later are reported at once, without waiting for their other half.
     */
    @Override
    public void close() {
        List<Runnable> reports = new ArrayList<>();
        synchronized (pending) {
            timer.shutdownNow();
            for (Map.Entry<Key, Deque<Pending>> e : List.copyOf(pending.entrySet())) {
                for (Pending p : List.copyOf(e.getValue())) {
                    if (!p.done) {
                        reports.add(complete(e.getKey(), p));
                    }
                }
            }
            pending.clear();
        }
        reports.forEach(Runnable::run);
    }

    /** Number of sends waiting for a half or recently reported with one missing; for tests. */
    int pendingCount() {
        synchronized (pending) {
            return pending.values().stream().mapToInt(Deque::size).sum();
        }
    }
    /** (Transport, Message) by identity: MimeMessage has no equals, and the same objects are in the event. */
    private static final class Key {
        final Object transport;
        final Object message;

        Key(Object transport, Object message) {
            this.transport = transport;
            this.message = message;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.transport == transport && k.message == message;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(transport) + System.identityHashCode(message);
        }
    }

    /** One send's halves. Guarded by the listener's lock until done; read-only after. */
    private static final class Pending {
        MessagingException exception;
        Attempt attempt = Attempt.unknown();
        Locale locale = Locale.getDefault();
        Attempt.EventAddresses event;
        boolean partially;
        boolean done;
        Future<?> timeout;
    }
}
