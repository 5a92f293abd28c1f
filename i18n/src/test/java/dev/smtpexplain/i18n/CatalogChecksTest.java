package dev.smtpexplain.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.internal.Patterns;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks every shipped catalog passes: complete, same placeholders as English, valid ICU patterns,
 * the plural categories its language needs, written in its own script, no English left behind, no
 * mojibake. A locale that fails is not shipped.
 */
class CatalogChecksTest {

    /** Tokens that stay in Latin script in every language: protocol names, commands, products. */
    static final Set<String> TECHNICAL = Set.of("smtp", "dns", "mx", "spf", "dkim", "dmarc", "ptr", "starttls", "tls", "ssl",
            "ip", "ipv4", "ipv6", "smtputf8", "requiretls", "arc", "burl", "rrvs", "mt", "priority", "auth", "helo", "ehlo",
            "mail", "from", "rcpt", "to", "data", "bdat", "gmail", "outlook", "com", "microsoft", "yahoo", "icloud", "utf", "ascii",
            "odmr", "atrn", "etrn", "rfc", "iana", "dsn", "https", "http", "www", "url", "id", "ldap", "mime", "plain", "login",
            "cram", "md5", "x", "quit", "rset", "vrfy", "noop", "esmtp", "chunking", "checkpoint", "dane", "mta", "sts", "api",
            "office", "exchange", "google", "apple", "zoho", "ses", "amazon", "o365", "it", "oauth", "oauth2", "null", "xoauth2",
            // the copy fields' names, which mail programs keep in Latin letters in these languages (Gmail's "Cc", "Bcc")
            "cc", "bcc");

    /** Scripts that count as the locale's own, by language. */
    static final Map<String, Set<Character.UnicodeScript>> SCRIPTS = Map.ofEntries(
            Map.entry("gu", Set.of(Character.UnicodeScript.GUJARATI)),
            Map.entry("hi", Set.of(Character.UnicodeScript.DEVANAGARI)),
            Map.entry("mr", Set.of(Character.UnicodeScript.DEVANAGARI)),
            Map.entry("bn", Set.of(Character.UnicodeScript.BENGALI)),
            Map.entry("ta", Set.of(Character.UnicodeScript.TAMIL)),
            Map.entry("zh", Set.of(Character.UnicodeScript.HAN)),
            Map.entry("ja", Set.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA)),
            Map.entry("ar", Set.of(Character.UnicodeScript.ARABIC)));

    /** Frequent English words that never belong in a Latin-script translation. */
    static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "your", "please", "with", "this", "that", "which", "should",
            "could", "would", "been", "were", "there", "their", "because", "recipient", "sender", "mailbox");

    // a word is a run of letters of one script: Japanese mixes Latin names into kana without spaces
    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}+|[\\p{L}\\p{M}&&[^\\p{IsLatin}]]+");

    static Stream<Locale> translations() {
        return Explainer.supportedLocales().stream().filter(l -> !l.equals(Locale.ENGLISH));
    }

    static Stream<Locale> allLocales() {
        return Explainer.supportedLocales().stream();
    }

    static Map<String, String> load(Locale l) {
        String suffix = l.equals(Locale.ENGLISH) ? "" : "_" + l.toLanguageTag().replace('-', '_');
        String path = "/" + Explainer.BUNDLE.replace('.', '/') + suffix + ".properties";
        try (InputStream in = CatalogChecksTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).as("%s is valid UTF-8", path).doesNotContain("\uFFFD");
            Properties p = new Properties();
            p.load(new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
            Map<String, String> m = new LinkedHashMap<>();
            p.stringPropertyNames().stream().sorted().forEach(k -> m.put(k, p.getProperty(k)));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void hasExactlyTheEnglishKeys(Locale l) {
        Map<String, String> en = load(Locale.ENGLISH);
        Map<String, String> tr = load(l);
        assertThat(tr.keySet()).as("missing in %s", l).containsAll(en.keySet());
        assertThat(en.keySet()).as("extra in %s", l).containsAll(tr.keySet());
    }

    /**
     * The categories whose first step is to wait and send again, as the Explainer counts on when a 5xx makes their failure
     * permanent (it moves that step last): their English first step says so.
     */
    @Test
    void theCategoriesThatWaitFirstSayItFirst() {
        Map<String, String> en = load(Locale.ENGLISH);
        for (String id : List.of("mailbox-full", "bad-reputation", "server-error", "server-storage-full", "service-unavailable", "network-error")) {
            assertThat(en.get("category." + id + ".advice.1")).as(id).containsPattern("^(Wait .*then send the message again|Send the message again later)");
        }
    }

    /** Every built-in rule's {@code first-step} names a step its category has, in every catalog. */
    @ParameterizedTest
    @MethodSource("allLocales")
    void everyRulesFirstStepIsAStepOfItsCategory(Locale l) throws IOException {
        String rules;
        try (InputStream in = Diagnoser.class.getResourceAsStream("/dev/smtpexplain/core/rules.txt")) {
            assertThat(in).as("core's rules.txt").isNotNull();
            rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> catalog = load(l);
        int named = 0;
        String[] head = null; // the block's "rule ID CATEGORY"; the core's parser checks the syntax
        for (String line : rules.split("\\R")) {
            if (line.startsWith("rule ")) {
                head = line.strip().split("\\s+");
            } else if (line.strip().startsWith("first-step:")) {
                named++;
                String step = line.strip().substring("first-step:".length()).strip();
                assertThat(catalog).as("%s in %s", head[1], l).containsKey("category." + head[2] + ".advice." + step);
            }
        }
        assertThat(named).as("rules that name a first step").isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("allLocales")
    void everyMessageParsesWithTheEnglishPlaceholders(Locale l) {
        Map<String, String> en = load(Locale.ENGLISH);
        List<String> problems = new ArrayList<>();
        load(l).forEach((k, v) -> {
            try {
                Set<String> names = Patterns.argumentNames(v);
                if (en.containsKey(k) && !names.equals(Patterns.argumentNames(en.get(k)))) {
                    problems.add(k + ": placeholders " + names + " differ from English");
                }
            } catch (IllegalArgumentException e) {
                problems.add(k + ": " + e.getMessage());
            }
            if (v.indexOf('\'') >= 0) {
                problems.add(k + ": ASCII apostrophe (ICU quoting syntax); use ’");
            }
            if (v.isBlank()) {
                problems.add(k + ": empty");
            }
        });
        assertThat(problems).as(l.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("allLocales")
    void pluralMessagesUseTheCategoriesTheLanguageNeeds(Locale l) {
        PluralRules rules = PluralRules.forLocale(ULocale.forLocale(l));
        Set<String> needed = new HashSet<>();
        for (String kw : rules.getKeywords()) {
            // a category only reached by numbers of a million and more is optional
            Collection<Double> samples = rules.getSamples(kw);
            if (samples != null && samples.stream().anyMatch(d -> d < 1_000_000 && d == Math.floor(d))) {
                needed.add(kw);
            }
        }
        List<String> problems = new ArrayList<>();
        load(l).forEach((k, v) -> {
            Set<String> used = pluralSelectors(v);
            if (used == null) {
                return;
            }
            if (!used.contains("other")) {
                problems.add(k + ": no 'other'");
            }
            for (String s : used) {
                if (!s.startsWith("=") && !rules.getKeywords().contains(s)) {
                    problems.add(k + ": '" + s + "' is not a plural category of " + l);
                }
            }
            for (String n : needed) {
                if (!used.contains(n)) {
                    problems.add(k + ": missing plural category '" + n + "'");
                }
            }
        });
        assertThat(problems).as(l.toString()).isEmpty();
    }

    /** The selectors of the plural arguments in a pattern, or null when it has none. */
    static Set<String> pluralSelectors(String pattern) {
        MessagePattern mp = new MessagePattern(pattern);
        Set<String> selectors = null;
        for (int i = 0; i < mp.countParts(); i++) {
            MessagePattern.Part p = mp.getPart(i);
            if (p.getType() == MessagePattern.Part.Type.ARG_START && p.getArgType() == MessagePattern.ArgType.PLURAL) {
                selectors = selectors == null ? new HashSet<>() : selectors;
                int limit = mp.getLimitPartIndex(i);
                for (int j = i + 1; j < limit; j++) {
                    MessagePattern.Part q = mp.getPart(j);
                    if (q.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                        selectors.add(mp.getSubstring(q));
                    } else if (q.getType() == MessagePattern.Part.Type.MSG_START) {
                        j = mp.getLimitPartIndex(j);
                    }
                }
            }
        }
        return selectors;
    }

    @ParameterizedTest
    @MethodSource("translations")
    void isWrittenInItsOwnScriptWithNoEnglishLeftBehind(Locale l) {
        Map<String, String> en = load(Locale.ENGLISH);
        Set<Character.UnicodeScript> own = SCRIPTS.get(l.getLanguage());
        List<String> problems = new ArrayList<>();
        load(l).forEach((k, v) -> {
            String text = proseOf(v);
            if (v.equals(en.get(k)) && hasProse(text)) {
                problems.add(k + ": identical to English");
            }
            List<String> latin = new ArrayList<>();
            int ownLetters = 0;
            int otherLetters = 0;
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                String w = m.group();
                Character.UnicodeScript s = Character.UnicodeScript.of(w.codePointAt(0));
                if (s == Character.UnicodeScript.LATIN) {
                    String lw = w.toLowerCase(Locale.ROOT);
                    if (own != null && !TECHNICAL.contains(lw) && !w.equals(w.toUpperCase(Locale.ROOT))) {
                        latin.add(w);
                    }
                    if (own == null && ENGLISH_WORDS.contains(lw)) {
                        latin.add(w);
                    }
                } else if (own != null && own.contains(s)) {
                    ownLetters += w.length();
                } else {
                    otherLetters += w.length();
                }
            }
            if (!latin.isEmpty()) {
                problems.add(k + ": English or Latin words " + latin);
            }
            if (own != null && otherLetters > 0) {
                problems.add(k + ": letters of another script");
            }
            if (own != null && hasProse(text) && ownLetters == 0) {
                problems.add(k + ": no " + own + " letters");
            }
            if (v.contains("Ã") || v.contains("â€") || v.contains("\\u") || v.contains("\\n")) {
                problems.add(k + ": mojibake or a stray escape");
            }
        });
        assertThat(problems).as(l.toString()).isEmpty();
    }

    /** The transport's sentences (a refused connection, a failed TLS set-up) end as the language ends a sentence. */
    @ParameterizedTest
    @MethodSource("allLocales")
    void transportSentencesEndWithTheLanguagesFullStop(Locale l) {
        String end = switch (l.getLanguage()) {
            case "hi", "bn" -> "।";
            case "zh", "ja" -> "。";
            default -> ".";
        };
        List<String> problems = new ArrayList<>();
        load(l).forEach((k, v) -> {
            if ((k.equals("tls.failed") || k.startsWith("connection.")) && !v.endsWith(end)) {
                problems.add(k + " = " + v);
            }
        });
        assertThat(problems).as(l.toString()).isEmpty();
    }

    /**
     * Chinese and Japanese write full-width punctuation (glossaries): no catalog message, a label's separator, a quoted
     * subject or a parenthesis in the bounce view included, uses an ASCII colon, parenthesis, quote, semicolon or
     * question mark, nor a space after a full-width colon.
     */
    @ParameterizedTest
    @MethodSource("translations")
    void chineseAndJapaneseUseFullWidthPunctuation(Locale l) {
        if (!Set.of("zh", "ja").contains(l.getLanguage())) {
            return;
        }
        List<String> problems = new ArrayList<>();
        load(l).forEach((k, v) -> {
            String text = v.replaceAll("\\{\\s*\\w+\\s*,\\s*(plural|select|selectordinal)\\s*,", " ")
                    .replaceAll("(?<![\\p{L}])(zero|one|two|few|many|other|=\\d+)\\s*\\{", " ");
            if (Pattern.compile(":(\\s|\\{|$)|[()\";?]").matcher(text).find() || text.contains("：\u0020")) {
                problems.add(k + " = " + v);
            }
        });
        assertThat(problems).as(l.toString()).isEmpty();
    }

    /**
     * The words a reader sees: placeholders and plural syntax removed, and tokens that are examples of
     * addresses, domains or file names (they contain '.', '@' or '/') left out.
     */
    static String proseOf(String pattern) {
        String t = pattern.replaceAll("\\{\\s*\\w+\\s*,\\s*(plural|select|selectordinal)\\s*,", " ")
                .replaceAll("(?<![\\p{L}])(zero|one|two|few|many|other|=\\d+)\\s*\\{", " ")
                .replaceAll("\\{\\w+\\}", " ")
                .replaceAll("[{}#]", " ");
        StringBuilder sb = new StringBuilder();
        for (String token : t.split("\\s+")) {
            if (token.indexOf('.', 1) > 0 && token.indexOf('.') < token.length() - 1 || token.startsWith(".") || token.contains("@") || token.contains("/")) {
                continue;
            }
            sb.append(token).append(' ');
        }
        return sb.toString().replaceAll("(?<!\\p{IsLatin})\\p{IsLatin}(?!\\p{IsLatin})", " ");
    }

    private static boolean hasProse(String text) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (w.length() >= 3 && !TECHNICAL.contains(w.toLowerCase(Locale.ROOT)) && !w.equals(w.toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
