package dev.smtpexplain.examples.cli;

import dev.smtpexplain.core.Diagnoser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --rules} option of the commands that diagnose: an application's rules files (docs/rules.md), weighed
 * before the built-in rules, as {@code Diagnoser.builder().addRules} and Spring's {@code smtp-explain.rules} weigh them.
 */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "FILE", description = "A rules file in the language of docs/rules.md (UTF-8), weighed before "
            + "the built-in rules. Repeat it for several files; 'smtp-explain rules FILE' checks one.")
    List<Path> files = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The built-in diagnoser, or one with the files' rules first.
     *
     * @throws CommandLine.ParameterException for a file that cannot be read or has a syntax error, naming the file
     */
    Diagnoser diagnoser() {
        if (files.isEmpty()) {
            return Diagnoser.standard();
        }
        Diagnoser.Builder builder = Diagnoser.builder();
        try {
            for (Path file : files) {
                builder.addRules(read(command.commandLine(), file), file.toString());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), "--rules: " + e.getMessage());
        }
    }

    /**
     * The most a rules file may hold: the built-in rules, some 6,500 alternatives, take 0.7 MB; a file many times that is
     * not a rules file (/dev/zero, a log given by mistake), and reading it whole would exhaust the memory.
     */
    static final long MAX_BYTES = 4L << 20;

    /** The file's text, read strictly as UTF-8: a byte of another charset would make a phrase that never matches. */
    static String read(CommandLine commandLine, Path file) {
        try {
            return read(file);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(commandLine, "--rules: " + ReadError.message(file.toString(), e));
        }
    }

    /**
     * Reads a rules file: a regular file (a FIFO nobody writes to would wait for ever, a device never end) of at most
     * {@link #MAX_BYTES}, in UTF-8.
     */
    static String read(Path file) throws IOException {
        if (Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
            throw new IOException("not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("too large (over " + (MAX_BYTES >> 20) + " MiB): not a rules file");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        }
    }
}
