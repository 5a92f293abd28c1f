package dev.smtpexplain.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smtpexplain.core.Permanence;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.ExplainingSender;
import dev.smtpexplain.mail.ExplainedSendFailedException;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.SendResult;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smtp-explain send}: sends a real message and explains a failure. */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends a message through an SMTP server. On failure, prints the localized report.",
                "The password is read from an environment variable, never from the command line."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:delivered to every recipient",
                "2:usage error (bad option, missing password variable, unreadable --file)",
                "3:delivered to some recipients only; the report lists the others",
                "4:not delivered, temporary failure: trying again later may work",
                "5:not delivered, permanent failure: sending again unchanged will fail again",
                "6:not confirmed: the server did not answer the whole message, which may have arrived; check before sending again",
                "  :the message's fate decides the status even where the output could not be written (stderr says so)"})
@Examples({"SMTP_PASSWORD=… smtp-explain send --host smtp.example.com --port 587 \\",
        "    --tls starttls --user alice --password-env SMTP_PASSWORD \\",
        "    --from alice@example.com --to bob@example.org \\",
        "    --subject Hello --body 'See you tomorrow.'"})
final class SendCommand implements Callable<Integer> {

    static final int PARTIAL = 3;
    static final int TEMPORARY = 4;
    static final int PERMANENT = 5;
    static final int UNCONFIRMED = 6;

    enum Tls { starttls, ssl, none }

    @Option(names = "--host", required = true, description = "SMTP server host name or address.")
    String host;

    @Option(names = "--port", description = "Port (default: 465 with --tls ssl, else 587).")
    Integer port;

    @Option(names = "--tls", defaultValue = "starttls", description = "Encryption: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; starttls is required when chosen).")
    Tls tls;

    @Option(names = "--user", description = "Login name, if the server needs one.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Name of the environment variable holding the password.")
    String passwordEnv;

    @Option(names = "--from", required = true, description = "Sender address.")
    String from;

    @Option(names = "--to", required = true, description = "Recipient address (repeat for more).")
    List<String> to;

    @Option(names = "--subject", defaultValue = "", description = "Subject.")
    String subject;

    @CommandLine.ArgGroup(exclusive = true)
    Body body;

    static final class Body {
        @Option(names = "--body", description = "Message text.")
        String text;

        @Option(names = "--file", description = "Read the message text from a UTF-8 file.")
        Path file;
    }

    @Option(names = "--partial", description = "Deliver to the accepted recipients even when others are refused.")
    boolean partial;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS", description = "Bounds connecting and each reply of the server (default: ${DEFAULT-VALUE}). The server's reply to the whole message content "
            + "may take up to 10 minutes (RFC 5321: servers scan the content before they answer).")
    int timeoutSeconds;

    @CommandLine.Mixin
    LanguageOption language;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = language.locale();
        String password = null;
        if (passwordEnv != null) {
            password = System.getenv(passwordEnv);
            if (password == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "environment variable " + passwordEnv + " is not set");
            }
            if (user == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--password-env needs --user");
            }
        }
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        if (port != null && (port < 1 || port > 65_535)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 1 to 65535, got " + port);
        }
        String text;
        try {
            text = bodyText();
        } catch (IOException e) {
            // the one line every command gives for an input it cannot read (exit 2: nothing was sent)
            spec.commandLine().getErr().println("smtp-explain: " + ReadError.message(body.file.toString(), e));
            spec.commandLine().getErr().flush();
            return 2;
        }
        ExplainingSender.Builder b = ExplainingSender.builder()
                .host(host)
                .port(port != null ? port : tls == Tls.ssl ? 465 : 587)
                .security(switch (tls) {
                    case starttls -> ExplainingSender.Security.STARTTLS_REQUIRED;
                    case ssl -> ExplainingSender.Security.IMPLICIT_TLS;
                    case none -> ExplainingSender.Security.NONE;
                })
                .locale(locale)
                .connectTimeout(java.time.Duration.ofSeconds(timeoutSeconds))
                .readTimeout(java.time.Duration.ofSeconds(timeoutSeconds))
                .writeTimeout(java.time.Duration.ofSeconds(timeoutSeconds))
                // the read timeout is per read: a server dripping a byte at a time is bounded by the stage's deadline
                .stageDeadline(java.time.Duration.ofSeconds(timeoutSeconds))
                .sendPartial(partial);
        if (user != null) {
            b.credentials(user, password == null ? "" : password);
        }
        ExplainingSender sender = b.build();
        LocalizedMessages messages = Explainer.standard().messages(locale);
        Message message;
        try {
            message = message(sender, text);
        } catch (AddressException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "bad address '" + e.getRef() + "': " + e.getMessage());
        } catch (MessagingException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot build the message: " + e.getMessage());
        }
        try {
            SendResult result = sender.send(message);
            if (result.report().isPresent()) {
                print(out, messages, result.report().get());
                return PARTIAL;
            }
            if (json) {
                ObjectNode o = JsonReport.MAPPER.createObjectNode();
                o.put("outcome", "delivered");
                ArrayNode a = o.putArray("accepted");
                result.acceptedRecipients().forEach(a::add);
                out.println(o);
            } else {
                out.println(messages.get(SendFailureReport.Outcome.DELIVERED.messageKey()));
                out.println(messages.format("report.recipients.accepted", Map.of("count", result.acceptedRecipients().size())));
                result.acceptedRecipients().forEach(r -> out.println("  ✓ " + r));
            }
            return 0;
        } catch (ExplainedSendFailedException e) {
            SendFailureReport r = e.report();
            print(out, messages, r);
            // an unconfirmed send is not "temporary": a script that sends again on 4 would deliver it twice
            return switch (r.outcome()) {
                case DELIVERED -> 0;
                case PARTIALLY_DELIVERED -> PARTIAL;
                case UNCONFIRMED -> UNCONFIRMED;
                case FAILED -> r.diagnosis().permanence() == Permanence.TEMPORARY ? TEMPORARY : PERMANENT;
            };
        } finally {
            out.flush();
        }
    }

    private void print(PrintWriter out, LocalizedMessages messages, SendFailureReport r) {
        if (json) {
            out.println(JsonReport.of(r));
        } else {
            out.print(ReportRenderer.render(r, messages, Terminal.detect()));
        }
    }

    private String bodyText() throws IOException {
        if (body == null) {
            return "";
        }
        return body.file != null ? Files.readString(body.file, StandardCharsets.UTF_8) : body.text;
    }

    private Message message(ExplainingSender sender, String text) throws MessagingException {
        MimeMessage m = new MimeMessage(sender.session());
        m.setFrom(new InternetAddress(from, true));
        for (String t : to) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(t, true));
        }
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        return m;
    }
}
