package dev.smtpexplain.examples.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command's example command lines, shown in its help under "Examples:" exactly as written: picocli wraps a
 * description at spaces and punctuation, which cut examples inside an argument. A line ending in a backslash is
 * continued on the next, as in a shell; keep each line within 78 characters.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Examples {
    String[] value();
}
