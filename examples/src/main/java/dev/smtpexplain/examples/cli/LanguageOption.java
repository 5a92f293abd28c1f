package dev.smtpexplain.examples.cli;

import dev.smtpexplain.i18n.Explainer;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --lang} option every command shares: a BCP 47 tag; by default {@code SMTP_EXPLAIN_LANG},
 * else the system's language. A language asked for with {@code --lang} or {@code SMTP_EXPLAIN_LANG}
 * must have a catalog; the system's language falls back to English quietly.
 */
final class LanguageOption {

    @Option(names = "--lang", paramLabel = "TAG", converter = LocaleConverter.class,
            description = "Language of the output (BCP 47 tag: en, gu, hi, mr, bn, ta, es, fr, de, pt-BR, zh-CN, ja, ar). "
                    + "Default: $SMTP_EXPLAIN_LANG, else the system's language (LANG, when that locale is installed), else English.")
    Locale lang;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The language asked for, else the JVM's default (which follows LANG).
     *
     * @throws CommandLine.ParameterException if {@code --lang} names a language without a catalog
     */
    Locale locale() {
        String source = "--lang";
        Locale l = lang;
        String env = System.getenv(ENV);
        if (l == null && env != null && !env.isBlank() && !isPosixDefault(env.strip())) {
            // works on a bare container, where LANG=gu_IN.UTF-8 needs the locale installed to reach the JVM
            source = ENV;
            try {
                l = new LocaleConverter().convert(env.strip());
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.ParameterException(command.commandLine(), ENV + ": " + e.getMessage());
            }
        }
        if (l == null) {
            return Locale.getDefault();
        }
        if (!isSupported(l)) {
            throw new CommandLine.ParameterException(command.commandLine(), "no catalog for " + source + " '" + l.toLanguageTag()
                    + "'; supported: " + Explainer.supportedLocales().stream().map(Locale::toLanguageTag).collect(Collectors.joining(", ")));
        }
        return l;
    }

    // "C", "C.UTF-8", "POSIX": LANG's values for no language at all (a stock container's), copied into the variable as
    // LANG is: the system's language, as an empty one
    private static boolean isPosixDefault(String value) {
        String name = value.replaceFirst("[.@].*$", "");
        return name.equals("C") || name.equals("POSIX");
    }

    /** The environment variable that sets the language when {@code --lang} is not given. */
    static final String ENV = "SMTP_EXPLAIN_LANG";

    /** Whether a shipped catalog answers for the locale (gu-IN is Gujarati; en-GB is English). */
    static boolean isSupported(Locale l) {
        return l.getLanguage().equals(Locale.ENGLISH.getLanguage()) || !Explainer.standard().resolve(l).equals(Locale.ENGLISH);
    }
}
