package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the rules format: one rule per line,
 *
 * <pre>
 * # id                 category                      when            phrases
 * gmail.dmarc-policy   sender-authentication-failed  -               "dmarc policy" | "unauthenticated email" + "not accepted"
 * postgrey.greylisted  greylisted                    code=4xx        "greylisted" | "greylisting*"
 * generic.rejected     policy-violation              weak,status=5.7.1 "rejected"
 * </pre>
 *
 * <p>Phrases are double-quoted; {@code +} joins phrases that must all occur, {@code |} separates
 * alternatives. A phrase ending in {@code *} matches as a word prefix. {@code when} is {@code -} or a
 * comma-separated list of {@code code=PATTERN}, {@code status=PATTERN} (digits, {@code x} for any) and
 * {@code weak} (the rule only refines a generic code). Blank lines and lines starting with {@code #}
 * are ignored.
 */
public final class RulesParser {

    // compiled once: parsing runs when a diagnoser is built, often at an application's start
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private RulesParser() {
    }

    /**
     * Parses rules text.
     *
     * @param source a name for error messages
     * @throws IllegalArgumentException naming the source, the line and the problem
     */
    public static List<RuleSpec> parse(String text, String source) {
        List<RuleSpec> rules = new ArrayList<>();
        String[] lines = LINE_BREAK.split(text, -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                rules.add(parseLine(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static RuleSpec parseLine(String line) {
        String[] head = WHITESPACE.split(line, 4);
        if (head.length < 4) {
            throw new IllegalArgumentException("expected: id category when \"phrase\" ...");
        }
        String id = head[0];
        if (!RULE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be lower-case letters, digits, '.', '_' or '-': " + id);
        }
        Category category = Category.fromId(head[1]);
        String code = null;
        String status = null;
        boolean weak = false;
        if (!head[2].equals("-")) {
            for (String cond : head[2].split(",")) {
                if (cond.equals("weak")) {
                    weak = true;
                } else if (cond.startsWith("code=")) {
                    code = cond.substring(5);
                } else if (cond.startsWith("status=")) {
                    status = cond.substring(7);
                } else {
                    throw new IllegalArgumentException("unknown condition '" + cond + "' (use code=, status= or weak)");
                }
            }
        }
        List<List<String>> alternatives = new ArrayList<>();
        List<List<String>> written = new ArrayList<>();
        parsePhrases(head[3], alternatives, written);
        return new RuleSpec(id, category, alternatives, written, RuleSpec.Condition.of(code, status), weak);
    }

    private static void parsePhrases(String s, List<List<String>> alternatives, List<List<String>> written) {
        List<String> alt = new ArrayList<>();
        List<String> altWritten = new ArrayList<>();
        boolean expectPhrase = true;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                if (!expectPhrase) {
                    throw new IllegalArgumentException("expected '+' or '|' between phrases at column " + (i + 1));
                }
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated phrase starting at column " + (i + 1));
                }
                String phrase = s.substring(i + 1, end);
                boolean prefix = phrase.endsWith("*");
                String bare = prefix ? phrase.substring(0, phrase.length() - 1) : phrase;
                alt.add(PhraseAutomaton.normalizePhrase(bare, prefix));
                altWritten.add(bare.strip());
                expectPhrase = false;
                i = end + 1;
            } else if ((c == '+' || c == '|') && !expectPhrase) {
                if (c == '|') {
                    alternatives.add(alt);
                    written.add(altWritten);
                    alt = new ArrayList<>();
                    altWritten = new ArrayList<>();
                }
                expectPhrase = true;
                i++;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at column " + (i + 1) + " (phrases are double-quoted)");
            }
        }
        if (expectPhrase) {
            throw new IllegalArgumentException("a phrase is missing at the end");
        }
        alternatives.add(alt);
        written.add(altWritten);
    }
}
