package dev.smtpexplain.mail;

import org.jspecify.annotations.Nullable;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.internal.Attempt;
import dev.smtpexplain.mail.internal.DataReplyTransport;
import dev.smtpexplain.mail.internal.Redactor;
import dev.smtpexplain.mail.internal.StageDeadlines;
import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.event.TransportListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends a message over its own Transport and turns any failure into a {@link ExplainedSendFailedException}
 * carrying a localized {@link SendFailureReport}. Thread-safe: each send opens, uses and closes its
 * own connection.
 *
 * <pre>{@code
 * ExplainingSender sender = ExplainingSender.builder().session(session).locale(user::locale).build();
 * sender.send(message);   // throws ExplainedSendFailedException: e.report().text()
 * }</pre>
 *
 * <p>Unlike the static {@code Transport.send}, a failing {@code close()} never replaces the real
 * error: it is added to it with {@code addSuppressed}. Connect, read and write timeouts (10 s, 30 s,
 * 30 s by default) are put on the sender's Session when the properties have none, because Jakarta Mail's defaults are
 * infinite. The read timeout applies to each read, so a server that drips its reply a byte at a time
 * could hold a send for ever: each stage also has an overall deadline (60 s for the greeting and each
 * command's reply, 10 minutes for the reply to the message content, as RFC 5321 §4.5.3.2 suggests, which the
 * per-read timeout does not shorten), enforced by a socket factory put on the sender's Session when it has none
 * ({@link Builder#stageDeadline}; Angus's fallback to a plain socket is then off). When no reply to the whole content
 * comes, the report says that the server may have taken the message, so that it is not sent twice.
 * A Session the application gives is never changed: the sender uses its own Session with a copy of its
 * properties ({@link Builder#session}).
 *
 * <p><b>Partial delivery.</b> With {@code mail.smtp.sendpartial} (see {@link Builder#sendPartial}) the
 * server may take the message for some recipients and refuse others. The message <em>was</em> sent,
 * so by default {@link #send} returns a {@link SendResult} with outcome
 * {@link Outcome#PARTIALLY_DELIVERED} and the report on the refused recipients instead of throwing:
 * a caller that retried on an exception would send the message twice to the accepted ones.
 * {@link Builder#throwOnPartialDelivery(boolean)} restores throwing.
 */
public final class ExplainingSender {

    /** The default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** The default write timeout. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** The default overall deadline for the greeting and for each command's reply. */
    public static final Duration DEFAULT_STAGE_DEADLINE = Duration.ofSeconds(60);
    /** The default overall deadline for the reply to the message content (after {@code <CRLF>.<CRLF>}). */
    public static final Duration DEFAULT_DATA_DEADLINE = Duration.ofMinutes(10);

    /** How the connection is secured when the sender builds the Session. */
    public enum Security {
        /** Plain SMTP; STARTTLS is not attempted. */
        NONE,
        /** STARTTLS when the server offers it. */
        STARTTLS,
        /** STARTTLS, and fail when the server does not offer it. */
        STARTTLS_REQUIRED,
        /** TLS from the first byte ({@code smtps}, usually port 465). */
        IMPLICIT_TLS
    }

    private final Session session;
    private final String protocol;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final SendFailureAnalyzer analyzer;
    private final LocaleSource locales;
    private final boolean throwOnPartialDelivery;
    private final List<TransportListener> listeners;
    private final Redactor redactor;

    private ExplainingSender(Builder b, Session session, String protocol) {
        this.session = session;
        this.protocol = protocol;
        this.host = b.host;
        this.port = b.port;
        this.user = b.user;
        this.password = b.password;
        this.analyzer = b.analyzer != null ? b.analyzer
                : new SendFailureAnalyzer(b.diagnoser != null ? b.diagnoser : Diagnoser.standard(),
                b.explainer != null ? b.explainer : Explainer.standard());
        this.locales = b.locales;
        this.throwOnPartialDelivery = b.throwOnPartialDelivery;
        this.listeners = List.copyOf(b.listeners);
        this.redactor = Redactor.forCredentials(user, password);
    }

    /** {@return a new builder; give it a Session or a host} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the Session this sender uses} It is the sender's own: a copy of the properties of the Session
     * the application gave (if any), with the sender's timeouts, deadline socket factory and
     * {@code sendpartial} added.
     */
    public Session session() {
        return session;
    }

    /** {@return the analyzer that writes the reports} */
    public SendFailureAnalyzer analyzer() {
        return analyzer;
    }

    /**
     * Sends {@code message} to all its recipients.
     *
     * @param message the message; its changes are saved before it is sent
     * @return the result when at least one recipient got the message
     * @throws ExplainedSendFailedException when nobody got it (or, with {@code throwOnPartialDelivery}, when
     *     anybody was refused)
     */
    public SendResult send(Message message) throws ExplainedSendFailedException {
        return send(message, null);
    }

    /**
     * Sends {@code message} to {@code recipients} (its own recipients when null), like
     * {@code Transport.send(message, recipients)}: saves changes, connects, sends, closes.
     *
     * @param message the message; its changes are saved before it is sent
     * @param recipients the envelope recipients, or null for the message's own (To, Cc and Bcc); a
     *     send with no recipient at all fails with a report
     * @return the result when at least one recipient got the message
     * @throws ExplainedSendFailedException when nobody got it (or, with {@code throwOnPartialDelivery}, when
     *     anybody was refused)
     */
    public SendResult send(Message message, Address @Nullable [] recipients) throws ExplainedSendFailedException {
        Objects.requireNonNull(message, "message");
        Locale locale = Optional.ofNullable(locales.locale()).orElseGet(Locale::getDefault);
        Address[] to = recipients;
        Attempt.Phase phase = Attempt.Phase.UNKNOWN;
        Transport transport = null;
        MessagingException failure = null;
        try {
            if (to == null) {
                to = message.getAllRecipients();
            }
            message.saveChanges();
            if (to == null || to.length == 0) {
                throw new SendFailedException("No recipient addresses");
            }
            transport = transport();
            for (TransportListener l : listeners) {
                if (!(l instanceof ReportingTransportListener)) {
                    transport.addTransportListener(l);
                }
            }
            phase = Attempt.Phase.CONNECT;
            transport.connect(host, port, user, password);
            phase = Attempt.Phase.SEND;
            transport.sendMessage(message, to);
        } catch (MessagingException e) {
            // how far it got (the whole content sent, refusals at RCPT) the transport noted beside the exception: SendProgress
            failure = e;
        } finally {
            close(transport, failure);
        }
        if (failure == null) {
            // the success path: nothing to analyze
            for (TransportListener l : listeners) {
                if (l instanceof ReportingTransportListener r) {
                    r.sentBySender(message, Attempt.addresses(to));
                }
            }
            return SendResult.delivered(Attempt.addresses(to));
        }
        Attempt attempt = attempt(to, phase);
        for (TransportListener l : listeners) {
            if (l instanceof ReportingTransportListener r) {
                r.failedBySender(message, failure, attempt, locale);
            }
        }
        SendFailureReport report = analyzer.analyze(failure, locale, attempt);
        // reached someone for sure: a result; nobody, or nobody knows: thrown
        boolean delivered = report.outcome() == Outcome.PARTIALLY_DELIVERED || report.outcome() == Outcome.DELIVERED;
        if (delivered && !throwOnPartialDelivery) {
            return SendResult.of(report.outcome(), report.acceptedRecipients(), Optional.of(report));
        }
        // the exception's message goes to logs: English, whatever language the report is in
        String englishHeadline = report.locale().getLanguage().equals(Locale.ENGLISH.getLanguage()) ? report.headline()
                : analyzer.analyze(failure, Locale.ENGLISH, attempt).headline();
        throw new ExplainedSendFailedException(report, englishHeadline, failure, to, attempt);
    }

    private Transport transport() throws MessagingException {
        return DataReplyTransport.of(session, protocol);
    }

    /** Closes without letting a close failure hide the real one. */
    private static void close(Transport transport, MessagingException failure) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
            // after a successful send the message was accepted: a failing QUIT does not undo that
        }
    }

    private Attempt attempt(Address[] to, Attempt.Phase phase) {
        String h = host != null ? host : firstNonNull(session.getProperty("mail." + protocol + ".host"), session.getProperty("mail.host"), "localhost");
        int p = port;
        if (p < 0) {
            String prop = session.getProperty("mail." + protocol + ".port");
            try {
                p = prop == null ? -1 : Integer.parseInt(prop.strip());
            } catch (NumberFormatException e) {
                p = -1;
            }
        }
        boolean tls = Boolean.parseBoolean(session.getProperty("mail." + protocol + ".starttls.enable"))
                || Boolean.parseBoolean(session.getProperty("mail." + protocol + ".starttls.required"));
        List<String> rcpts = to == null ? List.of() : Attempt.addresses(to);
        return new Attempt(phase, h, p, rcpts, redactor, tls, null);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Builds an {@link ExplainingSender}. */
    public static final class Builder {
        private Session session;
        private String host;
        private int port = -1;
        private Security security;
        private String user;
        private String password;
        private Diagnoser diagnoser;
        private Explainer explainer;
        private SendFailureAnalyzer analyzer;
        private LocaleSource locales = LocaleSource.jvmDefault();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private Duration stageDeadline = DEFAULT_STAGE_DEADLINE;
        private Duration dataDeadline = DEFAULT_DATA_DEADLINE;
        private Boolean sendPartial;
        private boolean throwOnPartialDelivery;
        private final List<TransportListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sends with this Session's properties, Authenticator and debug settings. The Session itself is not
         * changed: the sender works on its own Session with a copy of these properties, to which it adds the
         * timeouts the Session lacks, the deadline socket factory and {@code sendpartial}.
         *
         * @param session the application's Session
         * @return this builder
         * @throws IllegalStateException when {@link #security} was set to anything but
         *     {@link Security#IMPLICIT_TLS}: a given Session decides its own security
         */
        public Builder session(Session session) {
            requireState(security == null || security == Security.IMPLICIT_TLS,
                    "security(" + security + ") cannot be combined with a Session: the Session's properties decide");
            this.session = Objects.requireNonNull(session, "session");
            return this;
        }

        /**
         * Sets the server host; overrides the Session's {@code mail.smtp.host}.
         *
         * @param host a host name or IP address literal
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Sets the server port; overrides the Session's {@code mail.smtp.port}. Without a port or a Session
         * that names one, Jakarta Mail's default for the transport applies (25, or 465 for implicit TLS).
         *
         * @param port 1–65535
         * @return this builder
         * @throws IllegalArgumentException if the port is outside 1–65535
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1-65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * How to secure the connection when the sender builds the Session (default {@link Security#STARTTLS}).
         * With a given Session only {@link Security#IMPLICIT_TLS} (the {@code smtps} transport) applies; the Session's
         * {@code mail.smtp.host}, {@code port}, {@code user} and {@code auth} then serve where it has no {@code mail.smtps.}
         * ones (Jakarta Mail's {@code smtps} transport reads only those).
         *
         * @param security how to secure the connection
         * @return this builder
         * @throws IllegalStateException when a Session was given and {@code security} is not {@code IMPLICIT_TLS}
         */
        public Builder security(Security security) {
            Objects.requireNonNull(security, "security");
            requireState(session == null || security == Security.IMPLICIT_TLS,
                    "security(" + security + ") cannot be combined with a Session: the Session's properties decide");
            this.security = security;
            return this;
        }

        /**
         * Logs in with SMTP AUTH. The password is redacted from every report. Without credentials, a given
         * Session's own properties and Authenticator decide whether to log in.
         *
         * @param user the user name
         * @param password the password
         * @return this builder
         */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * The diagnoser of the reports' analyzer.
         *
         * @param diagnoser the diagnoser
         * @return this builder
         * @throws IllegalStateException when an analyzer was given: it has its own diagnoser
         */
        public Builder diagnoser(Diagnoser diagnoser) {
            requireState(analyzer == null, "diagnoser(…) cannot be combined with analyzer(…): the analyzer has its own");
            this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser");
            return this;
        }

        /**
         * The explainer of the reports' analyzer.
         *
         * @param explainer the explainer
         * @return this builder
         * @throws IllegalStateException when an analyzer was given: it has its own explainer
         */
        public Builder explainer(Explainer explainer) {
            requireState(analyzer == null, "explainer(…) cannot be combined with analyzer(…): the analyzer has its own");
            this.explainer = Objects.requireNonNull(explainer, "explainer");
            return this;
        }

        /**
         * The analyzer that writes the reports.
         *
         * @param analyzer the analyzer
         * @return this builder
         * @throws IllegalStateException when a diagnoser or an explainer was given
         */
        public Builder analyzer(SendFailureAnalyzer analyzer) {
            requireState(diagnoser == null && explainer == null,
                    "analyzer(…) cannot be combined with diagnoser(…) or explainer(…): give the analyzer both");
            this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
            return this;
        }

        /**
         * Sets where each report's locale comes from (default: the JVM's default locale, read at each send).
         * The source is asked once per send, on the sending thread.
         *
         * @param locales the source
         * @return this builder
         */
        public Builder locale(LocaleSource locales) {
            this.locales = Objects.requireNonNull(locales, "locales");
            return this;
        }

        /**
         * Writes every report in {@code locale}.
         *
         * @param locale the reports' locale
         * @return this builder
         */
        public Builder locale(Locale locale) {
            return locale(LocaleSource.fixed(locale));
        }

        /**
         * Sets the connect timeout, used when the Session has none (default 10 s).
         *
         * @param timeout at least 1 ms and at most 2,147,483,647 ms (about 24.8 days); applied in whole milliseconds
         * @return this builder
         * @throws IllegalArgumentException if the timeout is under a millisecond (zero and negative too) or longer
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /**
         * Sets the read timeout, used when the Session has none (default 30 s). It bounds each read, not a
         * whole reply: see {@link #stageDeadline}.
         *
         * @param timeout at least 1 ms and at most 2,147,483,647 ms (about 24.8 days); applied in whole milliseconds
         * @return this builder
         * @throws IllegalArgumentException if the timeout is under a millisecond (zero and negative too) or longer
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout);
            return this;
        }

        /**
         * Sets the write timeout, used when the Session has none (default 30 s).
         *
         * @param timeout at least 1 ms and at most 2,147,483,647 ms (about 24.8 days); applied in whole milliseconds
         * @return this builder
         * @throws IllegalArgumentException if the timeout is under a millisecond (zero and negative too) or longer
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout);
            return this;
        }

        /**
         * The overall deadline for the greeting and for each command's reply (default 60 s): however
         * slowly the server sends, the sender waits no longer for one reply. Enforced by a socket factory
         * put on the Session as {@code mail.smtp.socketFactory} when the Session has no socket factory of
         * its own.
         *
         * @param deadline at least 1 ms and at most 2,147,483,647 ms (about 24.8 days)
         * @return this builder
         * @throws IllegalArgumentException if the deadline is under a millisecond (zero and negative too) or longer
         */
        public Builder stageDeadline(Duration deadline) {
            this.stageDeadline = positive(deadline);
            return this;
        }

        /**
         * Sets the overall deadline for the reply to the message content (default 10 minutes); see
         * {@link #stageDeadline}. Only this deadline bounds that reply: the read timeout, which bounds every other
         * read, does not cut short a server that is silent while it scans the content.
         *
         * @param deadline at least 1 ms and at most 2,147,483,647 ms (about 24.8 days)
         * @return this builder
         * @throws IllegalArgumentException if the deadline is under a millisecond (zero and negative too) or longer
         */
        public Builder dataDeadline(Duration deadline) {
            this.dataDeadline = positive(deadline);
            return this;
        }

        /**
         * Sets {@code mail.smtp.sendpartial} on the sender's Session (never on the application's): deliver
         * to the accepted recipients when others are refused.
         *
         * @param sendPartial whether to deliver to the accepted recipients when others are refused
         * @return this builder
         */
        public Builder sendPartial(boolean sendPartial) {
            this.sendPartial = sendPartial;
            return this;
        }

        /**
         * Throws an {@link ExplainedSendFailedException} for a partial delivery too (default: return a result).
         * Only for callers that do not retry on the exception: the accepted recipients already have the message.
         *
         * @param throwOnPartialDelivery true to throw when any recipient was refused
         * @return this builder
         */
        public Builder throwOnPartialDelivery(boolean throwOnPartialDelivery) {
            this.throwOnPartialDelivery = throwOnPartialDelivery;
            return this;
        }

        /**
         * Adds a listener to every Transport the sender opens. A {@link ReportingTransportListener} is
         * instead told each outcome directly, with the failure's exception, so its callbacks carry the
         * full report and none is lost to a Transport closed right after its event.
         *
         * @param listener the listener; an ordinary listener gets Jakarta Mail's events on its event thread,
         *     a {@code ReportingTransportListener} is called on the sending thread
         * @return this builder
         */
        public Builder transportListener(TransportListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the sender.
         *
         * @return the sender, thread-safe
         * @throws IllegalStateException when neither a Session nor a host was given
         */
        public ExplainingSender build() {
            if (session == null && host == null) {
                throw new IllegalStateException("give the sender a Session or a host");
            }
            Session s = session;
            String protocol;
            if (s == null) {
                Security sec = security == null ? Security.STARTTLS : security;
                protocol = sec == Security.IMPLICIT_TLS ? "smtps" : "smtp";
                Properties props = new Properties();
                String prefix = "mail." + protocol + ".";
                props.setProperty("mail.transport.protocol", protocol);
                props.setProperty(prefix + "host", host);
                if (port > 0) {
                    props.setProperty(prefix + "port", Integer.toString(port));
                }
                if (user != null) {
                    props.setProperty(prefix + "auth", "true");
                }
                if (sec == Security.STARTTLS || sec == Security.STARTTLS_REQUIRED) {
                    props.setProperty(prefix + "starttls.enable", "true");
                }
                if (sec == Security.STARTTLS_REQUIRED) {
                    props.setProperty(prefix + "starttls.required", "true");
                }
                s = Session.getInstance(props);
            } else {
                protocol = security == Security.IMPLICIT_TLS || "smtps".equals(s.getProperty("mail.transport.protocol")) ? "smtps" : "smtp";
                s = ownCopy(s);
                if (security == Security.IMPLICIT_TLS) {
                    // a Session written for smtp names its server as mail.smtp.*, which the smtps transport never reads
                    Properties p = s.getProperties();
                    for (String name : new String[] {"host", "port", "user", "auth"}) {
                        String smtp = p.getProperty("mail.smtp." + name);
                        if (smtp != null && p.getProperty("mail.smtps." + name) == null) {
                            p.setProperty("mail.smtps." + name, smtp);
                        }
                    }
                }
            }
            Properties p = s.getProperties();
            String prefix = "mail." + protocol + ".";
            p.putIfAbsent(prefix + "connectiontimeout", Long.toString(connectTimeout.toMillis()));
            p.putIfAbsent(prefix + "timeout", Long.toString(readTimeout.toMillis()));
            p.putIfAbsent(prefix + "writetimeout", Long.toString(writeTimeout.toMillis()));
            if (!p.containsKey(prefix + "socketFactory") && !p.containsKey(prefix + "socketFactory.class")) {
                // through the Session's SOCKS proxy, which Angus uses only where no socket factory is set
                p.put(prefix + "socketFactory", new StageDeadlines(stageDeadline, dataDeadline, StageDeadlines.socksProxy(p, prefix)));
                // Angus's fallback would connect again with a plain socket when the first connect fails: the connect
                // timeout counted twice, and no stage deadline on the second socket
                p.putIfAbsent(prefix + "socketFactory.fallback", "false");
            }
            if (sendPartial != null) {
                p.setProperty(prefix + "sendpartial", sendPartial.toString());
            }
            return new ExplainingSender(this, s, protocol);
        }

        /**
         * A Session of the sender's own with a copy of the application's properties, asking the application's
         * Session for passwords and writing debug output where it does: the sender's settings must not reach
         * everyone else who shares that Session.
         */
        private static Session ownCopy(Session app) {
            Properties copy = new Properties();
            Properties props = app.getProperties();
            // settings an application keeps as defaults (new Properties(defaults)) count as Jakarta Mail reads them,
            // through getProperty; putAll alone copies only the table's own entries, objects (a socket factory) among them
            for (String name : props.stringPropertyNames()) {
                copy.setProperty(name, props.getProperty(name));
            }
            props.forEach(copy::putIfAbsent);
            Session own = Session.getInstance(copy, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return app.requestPasswordAuthentication(getRequestingSite(), getRequestingPort(), getRequestingProtocol(),
                            getRequestingPrompt(), getDefaultUserName());
                }
            });
            own.setDebug(app.getDebug());
            own.setDebugOut(app.getDebugOut());
            return own;
        }

        private static void requireState(boolean ok, String message) {
            if (!ok) {
                throw new IllegalStateException(message);
            }
        }

        private static Duration positive(Duration d) {
            Objects.requireNonNull(d, "duration");
            // whole milliseconds, as Jakarta Mail takes them: under one would be 0, which it reads as no timeout at all
            // compared as durations: toMillis() overflows for the longest ones
            if (d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
                throw new IllegalArgumentException("a timeout or deadline must be at least 1 ms and at most " + Integer.MAX_VALUE
                        + " ms (about 24.8 days): " + d);
            }
            return d;
        }
    }
}
