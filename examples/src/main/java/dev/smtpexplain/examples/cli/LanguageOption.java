package dev.smtpexplain.examples.cli;

import dev.smtpexplain.i18n.Explainer;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --lang} option every command shares: a BCP 47 tag, the system's language by default. A
 * language asked for with {@code --lang} must have a catalog; the system's language falls back to
 * English quietly.
 */
final class LanguageOption {

    @Option(names = "--lang", paramLabel = "TAG", converter = LocaleOption.class,
            description = "Language of the output (BCP 47 tag: en, gu, hi, mr, bn, ta, es, fr, de, pt-BR, zh-CN, ja, ar). "
                    + "Default: the system's language (LANG), else English.")
    Locale lang;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The language asked for, else the JVM's default (which follows LANG).
     *
     * @throws CommandLine.ParameterException if {@code --lang} names a language without a catalog
     */
    Locale locale() {
        if (lang == null) {
            return Locale.getDefault();
        }
        if (!isSupported(lang)) {
            throw new CommandLine.ParameterException(command.commandLine(), "no catalog for --lang '" + lang.toLanguageTag()
                    + "'; supported: " + Explainer.supportedLocales().stream().map(Locale::toLanguageTag).collect(Collectors.joining(", ")));
        }
        return lang;
    }

    /** Whether a shipped catalog answers for the locale (gu-IN is Gujarati; en-GB is English). */
    static boolean isSupported(Locale l) {
        return l.getLanguage().equals(Locale.ENGLISH.getLanguage()) || !Explainer.standard().resolve(l).equals(Locale.ENGLISH);
    }
}
