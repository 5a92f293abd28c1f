package dev.smtpexplain.examples.cli;

import dev.smtpexplain.core.ServerText;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code smtp-explain} command-line tool. */
@Command(name = "smtp-explain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Explains SMTP send failures in plain words, in your language.",
        subcommands = {DemoCommand.class, ExplainCommand.class, BounceCommand.class, SendCommand.class, CodesCommand.class, RulesCommand.class, DialogDemoCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:an input could not be read, or the output not written", "2:usage error (bad option or argument)",
                "3-6:what a send or a rules check found (see the command's --help)", "141:the output's reader went away (| head)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The version the build wrote into the jar's manifest (the project's version), so the two never differ. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"smtp-explain " + (v == null ? "(not built as a jar)" : v)};
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * The exit status when standard output was closed by its reader ({@code | head}): what a shell reports for a
     * filter that SIGPIPE ended (128 + 13).
     */
    static final int EXIT_OUTPUT_CLOSED = 141;

    /** The exit status when the output could not be written otherwise (a full disk, a closed descriptor). */
    static final int EXIT_OUTPUT_FAILED = 1;

    /** Runs the tool with UTF-8 output whatever the platform default; returns the exit status. */
    public static int run(String... args) {
        WriteFailure stdout = new WriteFailure(new FileOutputStream(FileDescriptor.out));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        CommandLine commandLine = commandLine(out, err);
        int status = commandLine.execute(args);
        // PrintWriter swallows write errors: a job writing to a full disk must not report success
        if (out.checkError()) {
            IOException e = stdout.failure();
            boolean brokenPipe = e != null && WriteFailure.isBrokenPipe(e);
            if (!brokenPipe) {
                err.println("smtp-explain: standard output: cannot write: " + (e == null ? "write error" : ReadError.reason(e)));
            }
            // a send's status is the message's fate (delivered, partly, not, not confirmed): a wrapper that sends again on
            // a failure must not send a delivered message twice because its report could not be written
            if (isSend(commandLine)) {
                return status;
            }
            return brokenPipe ? EXIT_OUTPUT_CLOSED : EXIT_OUTPUT_FAILED;
        }
        return status;
    }

    private static boolean isSend(CommandLine commandLine) {
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        return parsed != null && parsed.subcommand() != null && parsed.subcommand().commandSpec().name().equals("send");
    }

    /** An output stream that keeps the first error it met, which a PrintWriter would otherwise swallow. */
    static final class WriteFailure extends FilterOutputStream {
        private IOException failure; // null until a write fails

        WriteFailure(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw record(e);
            }
        }

        private IOException record(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }

        IOException failure() {
            return failure;
        }

        static boolean isBrokenPipe(IOException e) {
            return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("broken pipe");
        }
    }

    /** The configured picocli command line, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        // picocli's own message for a bad number quotes the whole argument: quote an excerpt, as for every bad input
        cl.registerConverter(Integer.class, WHOLE_NUMBER);
        cl.registerConverter(Integer.TYPE, WHOLE_NUMBER);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            // the message may quote arguments: untrusted text for the terminal
            c.getErr().println("smtp-explain: " + ServerText.sanitize(ex.getMessage(), ExplainCommand.ERROR_MAX, false) + suggestions(ex)
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            c.getErr().flush();
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        Help.configure(cl);
        if ("dumb".equals(System.getenv("TERM"))) {
            // a terminal that shows escape sequences as text: the help without colours, as the reports
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        return cl;
    }

    /** picocli's "Did you mean" for a mistyped command or option, on the error's one line; empty without one. */
    static String suggestions(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getSuggestions().isEmpty()) {
            return "";
        }
        if (u.isUnknownOption()) {
            return "; possible solutions: " + String.join(", ", u.getSuggestions());
        }
        String command = u.getCommandLine().getCommandSpec().qualifiedName();
        return "; did you mean: " + String.join(" or ", u.getSuggestions().stream().map(s -> command + " " + s).toList()) + "?";
    }

    // a class, not a lambda: JDK 17's dynamic class-data archive (the launcher's) crashes on a lambda proxy for an
    // interface of picocli's (its class files are of Java 5's format)
    private static final CommandLine.ITypeConverter<Integer> WHOLE_NUMBER = new WholeNumber();

    private static final class WholeNumber implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + ServerText.excerpt(value) + "' is not a whole number");
            }
        }
    }
}
