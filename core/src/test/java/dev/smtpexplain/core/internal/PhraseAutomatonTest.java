package dev.smtpexplain.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.SharedData;
import dev.smtpexplain.core.SmtpReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The automaton finds exactly the phrases that a plain search finds in the normalized text: every
 * character folded, every e-mail address read as one separator, every IPv4 literal as the word a rule's
 * {@code <ip>} stands for, lines joined by a separator, runs of separators collapsed, and the text framed
 * by separators. Checked with the built-in rules' phrases on
 * real replies and on random text made of those phrases' words, separators and characters beyond ASCII,
 * so that the compact representation of the automaton (chain states, dense rows) cannot drift from
 * what a phrase means.
 */
class PhraseAutomatonTest {

    private static final List<String> PHRASES = builtInPhrases();
    private static final PhraseAutomaton AUTOMATON = PhraseAutomaton.build(PHRASES);

    @Test
    void aQueueIdentifierAsServersAnnounceItIsData() {
        String line = "552 no space (QUEUE ID 8C2F31A04E); queued as 4XyZ19, Queue-ID: 7Ab12cd, queue_id=99z9";
        int[] r = PhraseAutomaton.idRanges(line);
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < r.length; k += 2) {
            ids.add(line.substring(r[k], r[k + 1]));
        }
        assertThat(ids).containsExactly("QUEUE ID 8C2F31A04E", "queued as 4XyZ19", "Queue-ID: 7Ab12cd", "queue_id=99z9");
        // no identifier, or no announcement: the server's own queue stays words
        for (String words : List.of("452 Not enough free space in the queue", "451 queue id lookup failed", "queuedas 4XyZ19",
                "requeue id 4XyZ19", "queue id ABCDEFGH", "queue id 12")) {
            assertThat(PhraseAutomaton.idRanges(words)).as(words).isEmpty();
        }
        assertThat(PhraseAutomaton.union(new int[] {0, 4, 10, 12}, new int[] {3, 6, 20, 22})).containsExactly(0, 6, 10, 12, 20, 22);
    }

    @Test
    void findsWhatAPlainSearchFindsInDocumentedReplies() {
        List<String> texts = new ArrayList<>();
        for (String file : List.of("providers.tsv", "mta.tsv")) {
            for (String line : resource("/dev/smtpexplain/core/documented/" + file).split("\n")) {
                String[] f = line.split("\t", -1);
                if (f.length > 2 && !line.startsWith("#") && !f[0].equals("code")) {
                    texts.add(f[0] + " " + f[1] + " " + f[2]);
                }
            }
        }
        if (SharedData.present()) {
            for (String[] row : SharedData.tsv("eval/sisimai-replies.tsv")) {
                texts.add(row[3]);
            }
        }
        assertThat(texts).hasSizeGreaterThan(1000);
        int withPhrases = 0;
        for (String text : texts) {
            List<String> lines = SmtpReply.parseLenient(text).lines();
            assertThat(found(lines)).as("phrases in %s", lines).isEqualTo(expected(lines));
            withPhrases += expected(lines).isEmpty() ? 0 : 1;
        }
        // the comparison means something only if most replies hold phrases
        assertThat(withPhrases).isGreaterThan(texts.size() * 3 / 4);
    }

    @Test
    void findsWhatAPlainSearchFindsInRandomText() {
        List<String> words = new ArrayList<>();
        for (String p : PHRASES) {
            for (String w : p.strip().split(" ")) {
                words.add(w);
            }
        }
        String[] separators = {" ", "  ", ".", ". ", "-", "\t", ", ", "; ", ":", "'", "\u00a0", "\u3002", "/"};
        String[] others = {"x", "q7", "\u00e9t\u00e9", "STRA\u00dfE", "\u0130", "\u7528\u6237", "\u4e0d\u5b58\u5728", "\u0434\u043e\u043c\u0435\u043d",
            "user@example.org", "<a.b@c.d>", "@", "550", "5.1.1", "192.0.2.1", "[10.0.0.255]", "1.2.3.4.5", "256.1.1.1", "x.1.2.3.4",
            "1.2.3.4.example.net"};
        Random random = new Random(20261201);
        for (int n = 0; n < 3000; n++) {
            List<String> lines = new ArrayList<>();
            // up to eight lines, some of them empty or short, so that phrases cross lines and the second
            // pass (phrases beyond ASCII) reads only some of the lines
            for (int l = 1 + random.nextInt(8); l > 0; l--) {
                StringBuilder line = new StringBuilder();
                for (int t = random.nextInt(random.nextBoolean() ? 4 : 40); t > 0; t--) {
                    int kind = random.nextInt(10);
                    String token = kind < 6 ? words.get(random.nextInt(words.size())) : others[random.nextInt(others.length)];
                    line.append(random.nextInt(4) == 0 ? token.toUpperCase(java.util.Locale.ROOT) : token);
                    line.append(separators[random.nextInt(separators.length)]);
                }
                lines.add(line.toString());
            }
            assertThat(found(lines)).as("phrases in %s", lines).isEqualTo(expected(lines));
        }
    }

    /**
     * A phrase beyond ASCII split over lines, with lines of ASCII text between and around its words: the
     * second pass reads only near lines with such characters, and must still see the whole phrase.
     */
    @Test
    void findsPhrasesBeyondAsciiSplitOverLines() {
        int split = 0;
        for (int id = 0; id < PHRASES.size(); id++) {
            String phrase = PHRASES.get(id);
            String[] words = phrase.strip().split(" ");
            if (phrase.chars().allMatch(c -> c < 128) || words.length < 2) {
                continue;
            }
            for (int at = 1; at < words.length; at++) {
                String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, at));
                String tail = String.join(" ", java.util.Arrays.copyOfRange(words, at, words.length));
                List<String> lines = List.of("reply text before it", "x".repeat(200) + " more words", head, "", "  ",
                        tail + (phrase.endsWith(" ") ? " " : ""), "and some text after it", "y".repeat(300));
                Set<Integer> found = found(lines);
                assertThat(found).as("phrases in %s", lines).isEqualTo(expected(lines)).contains(id);
                split++;
            }
            // and every word on a line of its own
            List<String> lines = new ArrayList<>(List.of("z".repeat(500)));
            for (String w : words) {
                lines.add(w);
            }
            lines.add(phrase.endsWith(" ") ? "" : "tail");
            assertThat(found(lines)).as("phrases in %s", lines).isEqualTo(expected(lines)).contains(id);
        }
        assertThat(split).as("phrases beyond ASCII with several words").isGreaterThan(10);
    }

    @Test
    void ipv4LiteralsAreFoundWhereTheyStandAlone() {
        assertThat(literals("550 Mail from 192.0.2.1 rejected")).containsExactly("192.0.2.1");
        assertThat(literals("Client host [203.0.113.7]:41234 blocked; IP=198.51.100.255.")).containsExactly("203.0.113.7", "198.51.100.255");
        assertThat(literals("at 10.0.0.1, 10.0.0.2 and 255.255.255.255")).containsExactly("10.0.0.1", "10.0.0.2", "255.255.255.255");
        // not an address: more or fewer parts, a number past 255, letters or digits glued on, a status
        assertThat(literals("1.2.3.4.5 v1.2.3.4 1.2.3.4a 256.1.1.1 1.2.3 5.7.1 1..2.3.4 1234.1.1.1 x.1.2.3.4 1.2.3.4.example.net")).isEmpty();
        // an address literal inside an e-mail address is part of the address
        String line = "550 <bob@192.0.2.1> refused";
        assertThat(ipRanges(line, PhraseAutomaton.addressRanges(line))).isEmpty();
    }

    @Test
    void aRulesIpPlaceholderMatchesAnIpv4LiteralAsOneWord() {
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of(PhraseAutomaton.normalizePhrase("mail from <ip> rejected", false),
                PhraseAutomaton.normalizePhrase("from 192", false)));
        assertThat(ids(automaton, "571 Mail from 192.0.2.1 rejected, see http://example.com")).containsExactly(0);
        assertThat(ids(automaton, "571 MAIL FROM [192.0.2.1]: rejected")).containsExactly(0);
        // the literal is one word: its numbers are no longer words of their own, and a name is no literal
        assertThat(ids(automaton, "571 Mail from 192.0.2.1.example.net rejected")).containsExactly(1);
        assertThat(ids(automaton, "571 Mail from mx.example.net rejected")).isEmpty();
        // a text cannot spell the placeholder's word: '#' is a separator like any other punctuation
        assertThat(ids(automaton, "571 Mail from # rejected")).isEmpty();
    }

    @Test
    void accentsOfLatinAndGreekLettersDoNotCount() {
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of(PhraseAutomaton.normalizePhrase("boîte aux lettres pleine", false),
                PhraseAutomaton.normalizePhrase("błąd", false), PhraseAutomaton.normalizePhrase("αποτυχία", false),
                PhraseAutomaton.normalizePhrase("учётная запись", false), PhraseAutomaton.normalizePhrase("できません", false)));
        // servers often write without them, in capitals, or with them where the rule has none
        assertThat(ids(automaton, "552 BOITE AUX LETTRES PLEINE")).containsExactly(0);
        assertThat(ids(automaton, "552 Boîte aux lettres pleine")).containsExactly(0);
        assertThat(ids(automaton, "451 Blad serwera")).containsExactly(1);
        assertThat(ids(automaton, "535 ΑΠΟΤΥΧΙΑ ελέγχου")).containsExactly(2);
        assertThat(ids(automaton, "550 Учетная запись заблокирована")).containsExactly(3);
        // in Japanese a voiced kana is another sound, not an accent: "てきません" is not "できません"
        assertThat(ids(automaton, "送信てきません")).isEmpty();
        assertThat(ids(automaton, "送信できません")).containsExactly(4);
    }

    @Test
    void aHostNameInTheRelaysProseIsNoWord() {
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of(PhraseAutomaton.normalizePhrase("spamfilter", false),
                PhraseAutomaton.normalizePhrase("spamhaus", false)));
        List<String> relayed = List.of("host mx1.spamfilter.example.net[192.0.2.10] said:", "User unknown");
        assertThat(idsOf(automaton.scan(relayed, 1))).isEmpty();
        // in the reply itself a name may be what the server talks about
        assertThat(idsOf(automaton.scan(List.of("host mx.example.net said:", "blocked using zen.spamhaus.org"), 1))).containsExactly(1);
        // but not where the server names itself: first, or in brackets
        assertThat(idsOf(automaton.scan(List.of("mx.spamfilter.example.net ESMTP not accepting messages")))).isEmpty();
        assertThat(idsOf(automaton.scan(List.of("User unknown [mx.spamfilter.example.net]")))).isEmpty();
        // a Java class or a Microsoft diagnostic is no host
        assertThat(PhraseAutomaton.dataRanges("java.net.SocketTimeoutException: RESOLVER.RST.AuthRequired; socket.gaierror")).isEmpty();
        // and the prose's words still count ("Spamfilter" written as a word)
        assertThat(idsOf(automaton.scan(List.of("Vom Spamfilter abgelehnt:", "550 rejected"), 1))).containsExactly(0);
        // not names: file names, abbreviations, sentences run together
        assertThat(PhraseAutomaton.dataRanges("file virus.exe, e.g. rejected.Please see")).isEmpty();
        assertThat(PhraseAutomaton.dataRanges("via smtp-relay.gmail.com:587 and https://support.example.com/x.html"))
                .containsExactly(4, 24, 41, 60);
        // a name in a link's path or query is the link's, and so is every name that ends it ("x.example.com" of
        // "mx.example.com"); a name that follows a rejected run of dots and labels elsewhere is still found
        assertThat(PhraseAutomaton.dataRanges("see https://lookup.example.org/q?domain=mx.example.com&ip=1")).containsExactly(12, 30);
        assertThat(PhraseAutomaton.dataRanges("version 1.2.3.4.5 from relay.example.net")).containsExactly(23, 40);
    }

    private static Set<Integer> idsOf(PhraseAutomaton.Hits hits) {
        Set<Integer> ids = new TreeSet<>();
        if (hits != null) {
            for (int i = 0; i < hits.count(); i++) {
                ids.add(hits.id(i));
            }
        }
        return ids;
    }

    @Test
    void aPhraseNeedsMoreThanThePlaceholder() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> PhraseAutomaton.normalizePhrase("<ip>", false))
                .withMessageContaining("besides <ip>");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> PhraseAutomaton.normalizePhrase("来自 <ip>", false))
                .withMessageContaining("ASCII");
        assertThat(PhraseAutomaton.normalizePhrase("Mail from <IP> rejected", false)).isEqualTo(" mail from # rejected ");
    }

    /**
     * The reference for where IPv4 literals stand: at every word start outside the addresses (after a
     * separator other than a dot), a literal as {@link PhraseAutomaton#literalEnd} reads it.
     */
    private static int[] ipRanges(String line, int[] addresses) {
        List<Integer> ranges = new ArrayList<>();
        int a = 0;
        for (int i = 0; i < line.length(); i++) {
            if (a < addresses.length && i == addresses[a]) {
                i = addresses[a + 1] - 1;
                a += 2;
                continue;
            }
            boolean wordStart = i == 0 || line.charAt(i - 1) != '.' && PhraseAutomaton.fold(line.charAt(i - 1)) == ' ';
            int end = wordStart && Character.isDigit(line.charAt(i)) && line.charAt(i) < 128 ? PhraseAutomaton.literalEnd(line, i) : -1;
            if (end > 0) {
                ranges.add(i);
                ranges.add(end);
                i = end - 1;
            }
        }
        return ranges.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> literals(String line) {
        int[] ranges = ipRanges(line, PhraseAutomaton.addressRanges(line));
        List<String> found = new ArrayList<>();
        for (int r = 0; r < ranges.length; r += 2) {
            found.add(line.substring(ranges[r], ranges[r + 1]));
        }
        return found;
    }

    private static Set<Integer> ids(PhraseAutomaton automaton, String reply) {
        Set<Integer> ids = new TreeSet<>();
        PhraseAutomaton.Hits hits = automaton.scan(SmtpReply.parseLenient(reply).lines());
        if (hits != null) {
            for (int i = 0; i < hits.count(); i++) {
                ids.add(hits.id(i));
            }
        }
        return ids;
    }

    @Test
    void emptyTextAndTextWithoutPhrasesFindNothing() {
        assertThat(AUTOMATON.scan(List.of())).isNull();
        assertThat(AUTOMATON.scan(List.of("", "   "))).isNull();
        assertThat(AUTOMATON.scan(List.of("zzzz qqqq"))).isNull();
    }

    // what the thread's reused hits held after the scan before, to check that emptying them forgot it
    private static Set<Integer> reusedBefore = Set.of();

    /**
     * The phrases a fresh scan finds, checked against those the thread's reused hits find for the same lines
     * (the tests scan thousands of texts in turn, large and small, so the hits are emptied after every size).
     */
    private static Set<Integer> found(List<String> lines) {
        Set<Integer> ids = new TreeSet<>();
        PhraseAutomaton.Hits hits = AUTOMATON.scan(lines);
        if (hits != null) {
            for (int i = 0; i < hits.count(); i++) {
                ids.add(hits.id(i));
                assertThat(hits.contains(hits.id(i))).isTrue();
            }
        }
        PhraseAutomaton.Hits reused = AUTOMATON.scanReusing(lines, 0);
        assertThat(idsOf(reused)).as("reused hits for %s", lines).isEqualTo(ids);
        if (reused != null) {
            for (int id : reusedBefore) {
                assertThat(reused.contains(id)).as("phrase %s of the scan before, in %s", id, lines).isEqualTo(ids.contains(id));
            }
            assertThat(reused.occurrences()).isEqualTo(hits.occurrences());
        }
        reusedBefore = ids;
        return ids;
    }

    /** The reference: a plain substring search over the normalized text. */
    private static Set<Integer> expected(List<String> lines) {
        StringBuilder text = new StringBuilder(" ");
        for (String line : lines) {
            int[] addresses = PhraseAutomaton.dataRanges(line, false);
            int[] literals = ipRanges(line, addresses);
            int a = 0;
            int l = 0;
            for (int i = 0; i < line.length(); i++) {
                if (a < addresses.length && i == addresses[a]) {
                    append(text, ' ');
                    i = addresses[a + 1] - 1;
                    a += 2;
                } else if (l < literals.length && i == literals[l]) {
                    append(text, PhraseAutomaton.IP_WORD);
                    i = literals[l + 1] - 1;
                    l += 2;
                } else {
                    append(text, PhraseAutomaton.fold(line.charAt(i)));
                }
            }
            append(text, ' ');
        }
        String normalized = text.toString();
        Set<Integer> ids = new TreeSet<>();
        for (int id = 0; id < PHRASES.size(); id++) {
            if (normalized.contains(PHRASES.get(id))) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static void append(StringBuilder text, char folded) {
        if (folded != ' ' || text.charAt(text.length() - 1) != ' ') {
            text.append(folded);
        }
    }

    private static List<String> builtInPhrases() {
        List<RuleSpec> rules = new ArrayList<>(RulesParser.parseTokens(resource("/dev/smtpexplain/core/tokens.tsv"), "tokens.tsv"));
        rules.addAll(RulesParser.parse(resource("/dev/smtpexplain/core/rules.txt"), "rules.txt"));
        Set<String> phrases = new LinkedHashSet<>();
        for (RuleSpec rule : rules) {
            for (List<String> alternative : rule.alternatives()) {
                phrases.addAll(alternative);
            }
        }
        return List.copyOf(phrases);
    }

    private static String resource(String name) {
        try (InputStream in = PhraseAutomatonTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
