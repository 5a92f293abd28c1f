package dev.smtpexplain.examples.cli;

import dev.smtpexplain.core.ServerText;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The one phrasing of an input that cannot be read, whatever the command: {@code PATH: cannot read: REASON}, the
 * reason in a few words ("no such file", "permission denied", "is a directory", "standard input is closed").
 * Java's own messages for these are the path again, with no reason.
 */
final class ReadError {

    private ReadError() {
    }

    /** {@code PATH: cannot read: REASON}, sanitized: paths come from the file system and the command line. */
    static String message(String path, IOException e) {
        return message(path, "cannot read", e);
    }

    /** {@code PATH: VERB: REASON} ("cannot write" for an output file), sanitized. */
    static String message(String path, String verb, IOException e) {
        return ServerText.sanitize(path, ExplainCommand.ERROR_MAX, false) + ": " + verb + ": "
                + ServerText.sanitize(reason(e), ExplainCommand.ERROR_MAX, false);
    }

    /** Why the input could not be read, in lower case and without the path. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8";
        }
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // the system's words ("Is a directory", "Not a directory") read as the rest of the line
        return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
