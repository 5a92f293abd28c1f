package dev.smtpexplain.examples.cli;

import java.util.List;
import java.util.Locale;

/**
 * Styling for terminal output: ANSI colour only on an interactive terminal and when {@code NO_COLOR}
 * is unset. Only the tool's own labels are styled; untrusted text is sanitized before it gets here.
 * Prose lines are broken to the terminal's width when it is known ({@link #COLUMNS_PROPERTY}, which the
 * {@code smtp-explain} launcher sets from the terminal, or {@code COLUMNS} on an interactive terminal);
 * output to a pipe or a file keeps one line a paragraph, for tools that read it.
 */
final class Terminal {

    /** The system property that gives the width to break lines at ({@code -Dsmtpexplain.columns=100}). */
    static final String COLUMNS_PROPERTY = "smtpexplain.columns";

    private final boolean colour;
    private final int columns;

    private Terminal(boolean colour, int columns) {
        this.colour = colour;
        this.columns = columns;
    }

    static Terminal detect() {
        boolean tty = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        int columns = number(System.getProperty(COLUMNS_PROPERTY));
        if (columns == 0 && tty) {
            columns = number(System.getenv("COLUMNS"));
        }
        // TERM=dumb: a terminal (an editor's shell buffer, a serial console) that shows escape sequences as text
        boolean dumb = "dumb".equals(System.getenv("TERM"));
        return new Terminal(tty && !dumb && (noColor == null || noColor.isEmpty()), columns);
    }

    static Terminal plain() {
        return new Terminal(false, 0);
    }

    /** The width lines are broken at; 0 when they are not. */
    int columns() {
        return columns;
    }

    /** One line of a report as this terminal shows it: broken at its width where the language allows. */
    List<String> fit(String line, Locale locale) {
        return columns == 0 ? List.of(line) : LineWrap.wrap(line, columns, locale);
    }

    private static int number(String s) {
        if (s == null || s.isBlank() || s.strip().length() > 5) {
            return 0;
        }
        try {
            int n = Integer.parseInt(s.strip());
            return n >= LineWrap.MIN_COLUMNS ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    String bold(String s) {
        return style("1", s);
    }

    String heading(String s) {
        return style("1;36", s);
    }

    String red(String s) {
        return style("1;31", s);
    }

    String yellow(String s) {
        return style("1;33", s);
    }

    String green(String s) {
        return style("1;32", s);
    }

    String dim(String s) {
        return style("2", s);
    }

    private String style(String code, String s) {
        return colour ? "\u001B[" + code + "m" + s + "\u001B[0m" : s;
    }
}
