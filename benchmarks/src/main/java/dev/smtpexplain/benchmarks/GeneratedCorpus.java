package dev.smtpexplain.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A stand-in for the shared corpus where {@code ../shared/eval} is absent: 574 replies of the same
 * shape (about half 550, a quarter without a reply code, texts of 20–400 characters, a few in
 * Japanese), made from provider and MTA wordings with varying addresses. Deterministic.
 */
final class GeneratedCorpus {

    static final int SIZE = 574;

    // code, enhanced status, text ({a} is an address, {h} a host)
    private static final String[][] TEMPLATES = {
        {"550", "5.1.1", "550 5.1.1 <{a}>: Recipient address rejected: User unknown in virtual mailbox table"},
        {"550", "5.1.1", "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces."},
        {"550", "", "550 sorry, no mailbox here by that name (#5.1.1 - chkusr)"},
        {"550", "5.7.1", "550 5.7.1 Service unavailable; Client host [{h}] blocked using zen.spamhaus.org"},
        {"550", "5.7.26", "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy"},
        {"550", "5.7.1", "550 5.7.1 Message rejected as spam by Content Filtering."},
        {"550", "", "550 Requested action not taken: mailbox unavailable"},
        {"554", "5.7.1", "554 5.7.1 <{a}>: Relay access denied"},
        {"554", "", "554 Transaction failed: message contains a virus"},
        {"552", "5.2.2", "552 5.2.2 <{a}>: Mailbox full, quota exceeded"},
        {"552", "5.3.4", "552 5.3.4 Message size exceeds fixed maximum message size"},
        {"421", "4.7.0", "421 4.7.0 [{h}] Our system has detected an unusual rate of unsolicited mail originating from your IP address."},
        {"553", "5.1.8", "553 5.1.8 <{a}>: Sender address rejected: Domain not found"},
        {"501", "5.1.3", "501 5.1.3 Bad recipient address syntax"},
        {"450", "4.2.0", "450 4.2.0 <{a}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/"},
        {"451", "4.3.0", "451 4.3.0 Temporary local problem - please try later"},
        {"551", "", "551 User not local; please try <{a}>"},
        {"", "", "Host or domain name not found. Name service error for name={h} type=MX: Host not found, try again"},
        {"", "", "delivery temporarily suspended: connect to {h}[192.0.2.1]:25: Connection timed out"},
        {"", "", "This message has been in the queue too long. Giving up on delivery."},
        {"", "", "The user's mailbox is disabled: {a}"},
        {"", "", "このメールアドレスは存在しません ({a})"},
    };

    // weights per template, giving roughly the corpus's mix of codes
    private static final int[] WEIGHTS = {14, 8, 6, 8, 4, 4, 6, 4, 4, 3, 2, 2, 2, 1, 1, 1, 1, 6, 5, 4, 2, 1};

    private GeneratedCorpus() {
    }

    static Corpus create() {
        Random random = new Random(20250601);
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        List<Corpus.Row> rows = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            String[] t = TEMPLATES[pick(random.nextInt(total))];
            String text = t[2].replace("{a}", "user" + i + "@example" + (i % 7) + ".com")
                    .replace("{h}", "mx" + (i % 13) + ".example.net");
            rows.add(new Corpus.Row(t[0].isEmpty() ? null : Integer.valueOf(t[0]), t[1], text));
        }
        return Corpus.of("generated", rows);
    }

    private static int pick(int r) {
        for (int i = 0; i < WEIGHTS.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return i;
            }
        }
        return WEIGHTS.length - 1;
    }
}
