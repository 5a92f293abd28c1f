package dev.smtpexplain.examples.cli;

import dev.smtpexplain.core.ServerText;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code smtp-explain} command-line tool. */
@Command(name = "smtp-explain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Explains SMTP send failures in plain words, in your language.",
        subcommands = {DemoCommand.class, ExplainCommand.class, BounceCommand.class, SendCommand.class, CodesCommand.class, RulesCommand.class, DialogDemoCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "2:usage error (bad option or argument)"})
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

    /** Runs the tool with UTF-8 output whatever the platform default; returns the exit status. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        return commandLine(out, err).execute(args);
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
