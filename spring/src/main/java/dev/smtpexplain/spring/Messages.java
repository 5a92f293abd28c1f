package dev.smtpexplain.spring;

import dev.smtpexplain.mail.SendFailureReport;
import java.util.List;

/** The exception message of the explained exceptions. */
final class Messages {

    private Messages() {
    }

    /** The first report's headline with its category and stage ids, and how many more failed. */
    static String headline(List<SendFailureReport> reports) {
        SendFailureReport first = reports.get(0);
        String s = first.headline() + " [" + first.category().id() + " at " + first.stage().id() + "]";
        return reports.size() == 1 ? s : s + " (+" + (reports.size() - 1) + " more failed messages)";
    }
}
