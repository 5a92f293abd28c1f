package dev.smtpexplain.examples.cli;

import java.util.IllformedLocaleException;
import java.util.Locale;
import picocli.CommandLine;

/** Converts {@code --lang} values (BCP 47 tags such as {@code gu}, {@code gu-IN}, {@code pt-BR}). */
final class LocaleConverter implements CommandLine.ITypeConverter<Locale> {

    @Override
    public Locale convert(String value) {
        try {
            // a POSIX locale name as LANG writes it (gu_IN.UTF-8, de_DE@euro): its language and country are the tag
            String tag = value.replaceFirst("[.@].*$", "").replace('_', '-');
            Locale l = new Locale.Builder().setLanguageTag(tag).build();
            if (l.getLanguage().isEmpty()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a language tag (e.g. en, gu, pt-BR)");
            }
            return l;
        } catch (IllformedLocaleException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a language tag (e.g. en, gu, pt-BR)");
        }
    }
}
