package dev.smtpexplain.examples.cli;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.RuleCheck;
import dev.smtpexplain.core.ServerText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code smtp-explain rules}: checks an application's rules files as the build checks the built-in rules. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Checks rules files (the language of docs/rules.md, UTF-8) as the build checks the built-in rules: the syntax, "
                + "that each example: line is decided by its own rule, that no alternative is hidden behind an earlier one and no "
                + "rule is set aside by its class digit. Also lists, as notices, rules without examples and the built-in wordings "
                + "each rule decides first.",
                "Each file is checked on its own before the built-in rules, and files given together for one rule, one id (as "
                + "'explain --rules A --rules B' loads them); 'explain --rules FILE' and 'bounce --rules FILE' use them. A rules "
                + "file is a regular file of at most 4 MiB."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no problems (notices may be listed)", "1:a file could not be read, or the output not written",
                "2:usage error (bad option or argument)", "3:a file has a syntax error or problems (this wins over 1)",
                "141:the output's reader went away (| head)"})
@Examples({"smtp-explain rules acme-rules.txt",
        "smtp-explain rules mail-rules/*.txt"})
final class RulesCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The rules files to check.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status = 0;
        // the files given together, as --rules or Spring's smtp-explain.rules would load them: one rule, one id
        Diagnoser.Builder together = Diagnoser.builder();
        int checked = 0;
        for (Path file : files) {
            String name = ServerText.sanitize(file.toString(), ExplainCommand.ERROR_MAX, false);
            String text;
            try {
                text = RulesOption.read(file);
            } catch (IOException e) {
                err.println("smtp-explain: " + ReadError.message(file.toString(), e));
                status = Math.max(status, 1);
                continue;
            }
            RuleCheck check;
            try {
                check = RuleCheck.of(text, file.toString());
            } catch (IllegalArgumentException e) {
                // a syntax error or a taken id: the message names the file, the line and the column
                out.println("problem: " + ServerText.sanitize(e.getMessage(), ExplainCommand.ERROR_MAX, false));
                status = 3;
                continue;
            }
            int problems = check.problems().size();
            int notices = check.findings().size() - problems;
            out.println(name + ": " + count(check.ruleCount(), "rule") + ", " + count(check.exampleCount(), "example") + ": "
                    + count(problems, "problem") + ", " + count(notices, "notice"));
            for (RuleCheck.Finding f : check.findings()) {
                out.println((f.kind().isProblem() ? "problem: " : "notice: ") + f.message());
            }
            if (problems > 0) {
                status = 3;
            }
            together.addRules(text, file.toString());
            checked++;
            if (out.checkError()) {
                return status; // the output is gone (| head, a full disk): Main turns that into the exit status
            }
        }
        if (checked > 1) {
            try {
                together.build();
            } catch (IllegalArgumentException e) {
                out.println("problem: " + ServerText.sanitize(e.getMessage(), ExplainCommand.ERROR_MAX, false));
                status = 3;
            }
        }
        out.flush();
        return status;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
