package dev.smtpexplain.examples.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code --lang} option every command shares: a BCP 47 tag, the system's language by default. */
final class LanguageOption {

    @Option(names = "--lang", paramLabel = "TAG", converter = LocaleOption.class,
            description = "Language of the output (BCP 47 tag: en, gu, hi, mr, bn, ta, es, fr, de, pt-BR, zh-CN, ja, ar). "
                    + "Default: the system's language (LANG).")
    Locale lang;

    /** The language asked for, else the JVM's default (which follows LANG). */
    Locale locale() {
        return lang != null ? lang : Locale.getDefault();
    }
}
