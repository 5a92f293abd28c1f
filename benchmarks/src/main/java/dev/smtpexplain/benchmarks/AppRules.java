package dev.smtpexplain.benchmarks;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnoser;

/**
 * Application-defined text rules of the kind a mail operator adds for its own relays and partners:
 * "acme policy 0001 rejected", "globex quota 0002 exceeded" … Deterministic; every phrase distinct.
 */
final class AppRules {

    private static final String[] VENDORS = {"acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "tyrell"};
    private static final String[] SUBJECTS = {"policy", "quota", "gateway", "filter", "relay", "mailbox", "tenant"};
    private static final String[] OUTCOMES = {"rejected", "exceeded", "blocked", "refused", "suspended", "denied"};
    private static final Category[] CATEGORIES = {
        Category.POLICY_VIOLATION, Category.SENDING_QUOTA_EXCEEDED, Category.SENDER_BLOCKED,
        Category.RECIPIENT_REFUSED, Category.MAILBOX_DISABLED, Category.RELAY_DENIED,
    };

    private AppRules() {
    }

    /** The i-th generated phrase, e.g. {@code "acme policy 0001 rejected"}. */
    static String phrase(int i) {
        return VENDORS[i % VENDORS.length] + " " + SUBJECTS[i % SUBJECTS.length] + " "
                + String.format("%04d", i + 1) + " " + OUTCOMES[i % OUTCOMES.length];
    }

    /** The standard rules plus {@code count} generated ones, added through the public builder. */
    static Diagnoser diagnoserWith(int count) {
        if (count == 0) {
            return Diagnoser.standard();
        }
        Diagnoser.Builder builder = Diagnoser.builder();
        for (int i = 0; i < count; i++) {
            builder.addRule("app.rule-" + (i + 1), CATEGORIES[i % CATEGORIES.length], phrase(i));
        }
        return builder.build();
    }
}
