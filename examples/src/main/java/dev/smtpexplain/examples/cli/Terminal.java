package dev.smtpexplain.examples.cli;

/**
 * Styling for terminal output: ANSI colour only on an interactive terminal and when {@code NO_COLOR}
 * is unset. Only the tool's own labels are styled; untrusted text is sanitized before it gets here.
 */
final class Terminal {

    private final boolean colour;

    private Terminal(boolean colour) {
        this.colour = colour;
    }

    static Terminal detect() {
        boolean tty = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        return new Terminal(tty && (noColor == null || noColor.isEmpty()));
    }

    static Terminal plain() {
        return new Terminal(false);
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
