package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.Actor;
import dev.smtpexplain.core.Category;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rules language (see {@code docs/rules.md}). Two forms, freely mixed:
 *
 * <pre>
 * # the block form: a header, then one alternative or example per indented line
 * rule auth.dmarc-policy  sender-authentication-failed
 *     "dmarc policy"
 *     "unauthenticated email" + "not accepted"
 *     example: 550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy
 *
 * # a block may name which of its category's steps (advice, from 1) its wording says to try first, and who must act
 * # where the wording says another than the category's
 * rule auth.smtp-disabled  authentication-failed  any-class
 *     first-step: 3
 *     acts: sender-admin
 *     "smtpclientauthentication is disabled"
 *
 * # the one-line form: id category when phrases
 * postgrey.greylisted  greylisted  code=4xx  "greylisted" | "greylisting*"
 * </pre>
 *
 * <p>Phrases are double-quoted; {@code +} joins phrases that must all occur close together, {@code |}
 * separates alternatives. A phrase ending in {@code *} matches as a word prefix. {@code when} is
 * {@code -} or a comma-separated list of {@code code=PATTERN}, {@code status=PATTERN} (digits,
 * {@code x} for any; {@code code=none} for text without a reply code), {@code weak} (the rule only refines a generic code) and {@code any-class} (the
 * rule applies even where the reply's class digit contradicts its category). Blank lines and lines
 * starting with {@code #} are ignored. Errors name the source, the line and the column.
 */
public final class RulesParser {

    // compiled once: parsing runs when a diagnoser is built, often at an application's start
    // CRLF, LF, and CR alone (a file saved with old Mac line ends)
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    /**
     * The longest phrase a rule may have, in characters: servers' wordings are far shorter (the built-in rules' longest
     * is under 150), and the automaton's build time grows with the square of a phrase that repeats itself.
     */
    static final int MAX_PHRASE_CHARS = 400;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String EXAMPLE = "example:";
    private static final String FIRST_STEP = "first-step:";
    private static final String ACTS = "acts:";
    private static final Pattern STEP_NUMBER = Pattern.compile("[1-9][0-9]?");

    private RulesParser() {
    }

    /**
     * Parses rules text.
     *
     * @param source a name for error messages
     * @throws IllegalArgumentException naming the source, the line, the column and the problem
     */
    public static List<RuleSpec> parse(String text, String source) {
        List<RuleSpec> rules = new ArrayList<>();
        // where each id was given: one id, one rule, so that a diagnosis's evidence names one rule
        Map<String, Integer> idLines = new HashMap<>();
        // a byte-order mark some editors write at the start of a UTF-8 file is not part of the first rule
        String[] lines = LINE_BREAK.split(text.startsWith("\uFEFF") ? text.substring(1) : text, -1);
        Block block = null;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            int lineNo = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean indented = Character.isWhitespace(raw.charAt(0));
            try {
                checkInvisibleStart(raw);
                if (indented && block != null) {
                    block.add(raw, lineNo);
                    continue;
                }
                if (indented) {
                    throw new RuleSyntaxException("an indented line belongs to a 'rule' block, but no block is open", 1);
                }
                checkTopLevelWord(line, block != null);
                if (block != null) {
                    rules.add(finish(block, source));
                    block = null;
                }
                if (line.equals("rule") || line.startsWith("rule") && Character.isWhitespace(line.charAt(4))) {
                    block = Block.open(line, source, lineNo);
                    checkNewId(idLines, block.head.id(), lineNo, line.indexOf(block.head.id(), 4) + 1);
                } else {
                    RuleSpec one = parseLine(line, source + " line " + lineNo);
                    checkNewId(idLines, one.id(), lineNo, 1);
                    rules.add(one);
                }
            } catch (RuleSyntaxException e) {
                throw new IllegalArgumentException(source + " line " + lineNo + " column " + e.column + ": " + e.getMessage(), e);
            }
        }
        if (block != null) {
            rules.add(finish(block, source));
        }
        return rules;
    }

    // characters a reader cannot see at a line's start, which would otherwise give an error about something else
    private static void checkInvisibleStart(String raw) {
        char c = raw.charAt(0);
        if (c == '\uFEFF') {
            // the first line's was removed: another one is most often where two files were joined
            throw new RuleSyntaxException("an invisible byte-order mark (U+FEFF) starts this line, as where two files were joined:"
                    + " remove it", 1);
        }
        if (!Character.isWhitespace(c) && Character.isSpaceChar(c)) {
            // no-break spaces come with text copied from a web page; read as indentation they would hide the mistake
            throw new RuleSyntaxException(String.format(Locale.ROOT, "this line starts with a no-break space (U+%04X), as text copied"
                    + " from a web page does: indent with ordinary spaces or tabs", (int) c), 1);
        }
    }

    // the words that only a block's indented lines start with, and 'rule' capitalized: said as what they are
    private static void checkTopLevelWord(String line, boolean inBlock) {
        for (String keyword : new String[] {EXAMPLE, FIRST_STEP, ACTS}) {
            if (line.startsWith(keyword)) {
                throw new RuleSyntaxException("'" + keyword + "' belongs to a rule block: indent it under "
                        + (inBlock ? "its 'rule' line" : "a 'rule' line"), 1);
            }
        }
        String first = WHITESPACE.split(line, 2)[0];
        if (!first.equals("rule") && first.equalsIgnoreCase("rule")) {
            throw new RuleSyntaxException("a block starts with 'rule' in lower case, not '" + first + "'", 1);
        }
    }

    private static void checkNewId(Map<String, Integer> idLines, String id, int lineNo, int column) {
        Integer before = idLines.putIfAbsent(id, lineNo);
        if (before != null) {
            throw new RuleSyntaxException("rule id " + id + " is taken by the rule at line " + before + ": an id names one rule", column);
        }
    }

    // a block's own errors (no phrases) are at its 'rule' line, not at the line that ended it
    private static RuleSpec finish(Block block, String source) {
        try {
            return block.finish(source);
        } catch (RuleSyntaxException e) {
            throw new IllegalArgumentException(source + " line " + block.line + " column " + e.column + ": " + e.getMessage(), e);
        }
    }

    /** A syntax error at a column of the current line. */
    private static final class RuleSyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int column;

        RuleSyntaxException(String message, int column) {
            super(message);
            this.column = column;
        }
    }

    /** Whether {@code id} is a rule id as the rules file writes one: lower-case letters, digits, '.', '_' or '-'. */
    public static boolean isRuleId(String id) {
        return RULE_ID.matcher(id).matches();
    }

    /** The head of a rule: id, category and conditions. */
    private record Head(String id, Category category, String code, String status, boolean weak, boolean anyClass) {

        static Head of(String id, String category, String when, int idColumn, int categoryColumn, int whenColumn) {
            if (!RULE_ID.matcher(id).matches()) {
                throw new RuleSyntaxException("rule id must be lower-case letters, digits, '.', '_' or '-': " + id, idColumn);
            }
            Category c;
            try {
                c = Category.fromId(category);
            } catch (IllegalArgumentException e) {
                throw new RuleSyntaxException(e.getMessage(), categoryColumn);
            }
            String code = null;
            String status = null;
            boolean weak = false;
            boolean anyClass = false;
            // each condition's own column, so that an error points at the condition it is about
            int codeColumn = whenColumn;
            int statusColumn = whenColumn;
            if (!when.equals("-")) {
                int column = whenColumn;
                for (String cond : when.split(",", -1)) {
                    if (cond.equals("weak")) {
                        weak = true;
                    } else if (cond.equals("any-class")) {
                        anyClass = true;
                    } else if (cond.startsWith("code=")) {
                        if (code != null) {
                            throw new RuleSyntaxException("a rule names one code= condition (a pattern with x covers several codes: 5xx)",
                                    column);
                        }
                        code = cond.substring(5);
                        codeColumn = column;
                    } else if (cond.startsWith("status=")) {
                        if (status != null) {
                            throw new RuleSyntaxException("a rule names one status= condition (a pattern with x covers several: x.7.x)",
                                    column);
                        }
                        status = cond.substring(7);
                        statusColumn = column;
                    } else {
                        throw new RuleSyntaxException("unknown condition '" + cond + "' (use code=, status=, weak or any-class)", column);
                    }
                    column += cond.length() + 1;
                }
            }
            try {
                RuleSpec.Condition.of(code, null);
            } catch (IllegalArgumentException e) {
                throw new RuleSyntaxException(e.getMessage(), codeColumn);
            }
            try {
                RuleSpec.Condition.of(null, status);
            } catch (IllegalArgumentException e) {
                throw new RuleSyntaxException(e.getMessage(), statusColumn);
            }
            return new Head(id, c, code, status, weak, anyClass);
        }

        RuleSpec spec(List<List<String>> alternatives, List<List<String>> written, List<String> examples, String origin, int firstStep,
                @Nullable Actor actor) {
            return new RuleSpec(id, category, alternatives, written, RuleSpec.Condition.of(code, status), weak, anyClass,
                    examples, origin, firstStep, actor);
        }
    }

    /** A rule in the block form, collected line by line. */
    private static final class Block {
        final Head head;
        final int line;
        final List<List<String>> alternatives = new ArrayList<>();
        final List<List<String>> written = new ArrayList<>();
        final List<String> examples = new ArrayList<>();
        int firstStep;
        @Nullable Actor actor;

        private Block(Head head, int line) {
            this.head = head;
            this.line = line;
        }

        static Block open(String line, String source, int lineNo) {
            String[] words = WHITESPACE.split(line);
            if (words.length > 4) {
                // most often a WHEN list written with spaces ("code=5xx, weak"): point at the first word too many
                int at = 0;
                for (int w = 0; w < 4; w++) {
                    at = line.indexOf(words[w], at) + words[w].length();
                }
                throw new RuleSyntaxException("unexpected '" + words[4] + "': a rule line is rule ID CATEGORY [WHEN], and WHEN is one"
                        + " comma-separated list without spaces", line.indexOf(words[4], at) + 1);
            }
            if (words.length < 3) {
                throw new RuleSyntaxException("expected: rule ID CATEGORY [WHEN]", 1);
            }
            int idColumn = line.indexOf(words[1], 4) + 1;
            int categoryColumn = line.indexOf(words[2], idColumn + words[1].length() - 1) + 1;
            String when = words.length == 4 ? words[3] : "-";
            int whenColumn = words.length == 4 ? line.lastIndexOf(words[3]) + 1 : line.length();
            return new Block(Head.of(words[1], words[2], when, idColumn, categoryColumn, whenColumn), lineNo);
        }

        // the column (from 1) of the value after a block line's keyword ("first-step:  2"), for its errors
        private static int valueColumn(String body, String keyword, int start) {
            String rest = body.substring(keyword.length());
            return start + keyword.length() + (rest.length() - rest.stripLeading().length()) + 1;
        }

        void add(String raw, int lineNo) {
            int start = 0;
            while (Character.isWhitespace(raw.charAt(start))) {
                start++;
            }
            String body = raw.substring(start).stripTrailing();
            if (body.startsWith(EXAMPLE)) {
                String example = body.substring(EXAMPLE.length()).strip();
                if (example.isEmpty()) {
                    throw new RuleSyntaxException("an example needs the text of a reply", start + EXAMPLE.length() + 1);
                }
                examples.add(example);
            } else if (body.startsWith(FIRST_STEP)) {
                String n = body.substring(FIRST_STEP.length()).strip();
                int column = valueColumn(body, FIRST_STEP, start);
                if (firstStep != 0) {
                    throw new RuleSyntaxException("a rule names one first step", start + 1);
                }
                if (!STEP_NUMBER.matcher(n).matches()) {
                    throw new RuleSyntaxException("a first step is the number of one of the category's steps (its advice), from 1: '"
                            + n + "'", column);
                }
                firstStep = Integer.parseInt(n);
            } else if (body.startsWith(ACTS)) {
                String id = body.substring(ACTS.length()).strip();
                int column = valueColumn(body, ACTS, start);
                if (actor != null) {
                    throw new RuleSyntaxException("a rule names one who acts", start + 1);
                }
                try {
                    actor = Actor.fromId(id);
                } catch (IllegalArgumentException e) {
                    throw new RuleSyntaxException("unknown actor '" + id + "' (use sender, sender-admin, recipient, recipient-admin or nobody)",
                            column);
                }
                if (actor == head.category.actor()) {
                    throw new RuleSyntaxException("'" + id + "' acts for " + head.category.id() + " already: leave acts: out", column);
                }
            } else if (body.startsWith("\"")) {
                parsePhrases(body, start, alternatives, written);
            } else {
                throw new RuleSyntaxException("expected a quoted phrase, 'example:', 'first-step:' or 'acts:' in a rule block", start + 1);
            }
        }

        RuleSpec finish(String source) {
            if (alternatives.isEmpty()) {
                throw new RuleSyntaxException("rule " + head.id + " has no phrases", 1);
            }
            return head.spec(alternatives, written, examples, source + " line " + line, firstStep, actor);
        }
    }

    /**
     * Reads a reason-token table: {@code token TAB category TAB provider TAB source} per line, a header
     * line first. Each token becomes a rule of its own that matches the token as a phrase and applies
     * whatever the reply's class (the provider documents what the token means).
     *
     * @throws IllegalArgumentException naming the source and the line
     */
    public static List<RuleSpec> parseTokens(String text, String source) {
        List<RuleSpec> rules = new ArrayList<>();
        String[] lines = LINE_BREAK.split(text, -1);
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            String origin = source + " line " + (i + 1);
            if (f.length < 4 || f[0].isBlank() || f[2].isBlank() || f[3].isBlank()) {
                throw new IllegalArgumentException(origin + ": expected token, category, provider and source separated by tabs");
            }
            String token = f[0].strip();
            if (token.indexOf('"') >= 0) {
                throw new IllegalArgumentException(origin + ": a token cannot contain '\"'");
            }
            String id = "token." + slug(f[2]) + "." + slug(token);
            try {
                Head h = Head.of(id, f[1].strip(), "any-class", 1, 1, 1);
                String phrase = PhraseAutomaton.normalizePhrase(token, false);
                rules.add(h.spec(List.of(List.of(phrase)), List.of(List.of(token)), List.of(), origin, 0, null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static String slug(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
            sb.setLength(sb.length() - 1);
        }
        return sb.length() == 0 ? "x" : sb.toString();
    }

    private static RuleSpec parseLine(String line, String origin) {
        String[] head = WHITESPACE.split(line, 4);
        if (head.length < 4) {
            throw new RuleSyntaxException("expected: id category when \"phrase\" ... (or a 'rule' block)", 1);
        }
        int categoryColumn = line.indexOf(head[1], head[0].length()) + 1;
        int whenColumn = line.indexOf(head[2], categoryColumn - 1 + head[1].length()) + 1;
        Head h = Head.of(head[0], head[1], head[2], 1, categoryColumn, whenColumn);
        List<List<String>> alternatives = new ArrayList<>();
        List<List<String>> written = new ArrayList<>();
        int phrasesColumn = line.indexOf(head[3], whenColumn - 1 + head[2].length());
        parsePhrases(head[3], phrasesColumn, alternatives, written);
        return h.spec(alternatives, written, List.of(), origin, 0, null);
    }

    /**
     * Parses {@code "a" + "b" | "c"} into alternatives.
     *
     * @param offset the column (0-based) where {@code s} starts in its line, for error messages
     */
    private static void parsePhrases(String s, int offset, List<List<String>> alternatives, List<List<String>> written) {
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
                    throw new RuleSyntaxException("expected '+' or '|' between phrases", offset + i + 1);
                }
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new RuleSyntaxException("unterminated phrase", offset + i + 1);
                }
                String phrase = s.substring(i + 1, end);
                // characters as a reader counts them: an emoji is one, not two UTF-16 units
                int chars = phrase.codePointCount(0, phrase.length());
                if (chars > MAX_PHRASE_CHARS) {
                    throw new RuleSyntaxException("a phrase is at most " + MAX_PHRASE_CHARS + " characters; this one has " + chars,
                            offset + i + 1);
                }
                int star = phrase.indexOf('*');
                if (star >= 0 && star < phrase.stripTrailing().length() - 1) {
                    // a word inside a phrase is matched whole: "recipient* mail server" would silently never match
                    // "recipient's mail server"
                    throw new RuleSyntaxException("'*' only ends a phrase (it matches the rest of the phrase's last word);"
                            + " join words that vary with '+' instead: \"refuse*\" + \"to receive\"", offset + i + 2 + star);
                }
                if (star >= 0 && star != phrase.length() - 1) {
                    // "greylist* ": the star read as punctuation, the phrase no longer a prefix
                    throw new RuleSyntaxException("'*' ends a phrase: nothing may follow it inside the quotes, not even a space",
                            offset + i + 3 + star);
                }
                if (star >= 0 && (star == 0 || Character.isWhitespace(phrase.charAt(star - 1)))) {
                    // "greylist *" would read as the prefix "greylist*", not as "greylist" and any word
                    throw new RuleSyntaxException("'*' belongs right after the last word's letters (\"greylist*\"), not after a space",
                            offset + i + 2 + star);
                }
                boolean prefix = phrase.endsWith("*");
                String bare = prefix ? phrase.substring(0, phrase.length() - 1) : phrase;
                try {
                    alt.add(PhraseAutomaton.normalizePhrase(bare, prefix));
                } catch (IllegalArgumentException e) {
                    throw new RuleSyntaxException(e.getMessage(), offset + i + 1);
                }
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
                throw new RuleSyntaxException("unexpected '" + c + "' (phrases are double-quoted)", offset + i + 1);
            }
        }
        if (expectPhrase) {
            throw new RuleSyntaxException("a phrase is missing at the end", offset + s.length() + 1);
        }
        alternatives.add(alt);
        written.add(altWritten);
    }
}
