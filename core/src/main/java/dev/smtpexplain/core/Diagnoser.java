package dev.smtpexplain.core;

import dev.smtpexplain.core.internal.CodeTable;
import dev.smtpexplain.core.internal.RelayProse;
import dev.smtpexplain.core.internal.ReplyShape;
import dev.smtpexplain.core.internal.RuleEngine;
import dev.smtpexplain.core.internal.RuleSpec;
import dev.smtpexplain.core.internal.RulesParser;
import dev.smtpexplain.core.internal.WordFeatures;
import dev.smtpexplain.core.internal.WordModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Diagnoses SMTP failure replies. Immutable and thread-safe: build one and share it.
 *
 * <p>Evidence is weighed in this order: a server-text rule (provider and MTA wordings, including
 * provider-specific uses of registered codes), then a specific enhanced status code, then a weak text
 * rule that refines a generic code (550, 5.7.1) unless the basic code is specific, then, when no
 * enhanced status says more than "refused by policy", the words of the text weighed by a model learned from the documented
 * replies, then a specific basic code, then the generic meaning of the codes, then the class digit.
 * Nothing throws: a reply nothing recognizes is {@link Category#UNKNOWN} with the meaning of its digits.
 *
 * <pre>{@code
 * Diagnoser diagnoser = Diagnoser.standard();
 * Diagnosis d = diagnoser.diagnose("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown");
 * d.category();   // RECIPIENT_UNKNOWN
 * }</pre>
 */
public final class Diagnoser {

    // Confidence by the kind of evidence, calibrated on the documented-reply corpus and the Sisimai
    // corpus (docs/confidence.md has the reliability table): how often a diagnosis of that kind is right.
    // Only a text rule that a specific enhanced status confirms reaches 0.9: the level where a
    // diagnosis should be right 19 times in 20 on wordings the rules were never tuned on.
    static final double TEXT_RULE_AGREEING = 0.95;
    static final double TEXT_RULE = 0.85;
    static final double TEXT_RULE_DISAGREEING = 0.7;
    // a weak rule, or a rule on uncoded text that looks like mail: right about half the time on wordings
    // no rule had seen (docs/confidence.md, both never-seen rounds)
    static final double UNCODED_MAIL_TEXT = 0.5;
    // deliberately low: ordinary sentences share words with replies, so without a code, a status or
    // a sign of mail software a match is a guess, however often corpus texts of this kind were right
    static final double UNCODED_TEXT = 0.3;
    // a code decides when no rule read the text, and on wordings no rule had seen a specific status was
    // right about two times in three, a specific basic code a little over one in three, a generic status or
    // code one in six (docs/confidence.md, "never seen"): a generic code alone is a guess
    static final double SPECIFIC_STATUS = 0.7;
    static final double SPECIFIC_CODE = 0.45;
    static final double WEAK_TEXT_RULE = 0.5;
    static final double GENERIC_STATUS = 0.4;
    static final double GENERIC_CODE = 0.35;
    // "refused by policy" from a generic word ("rejected", "blocked"), a generic status (5.7.1) or code
    // (554): the server said no without saying why. On wordings no rule had seen such a diagnosis matched
    // the documented reason about one time in twenty-five (7 of 185 in three rounds, docs/confidence.md),
    // a 421 alone ("closing the channel") one time in four (9 of 39): the category is the honest summary,
    // the confidence says it is a guess
    static final double UNEXPLAINED_REFUSAL = 0.25;
    static final double CLASS_ONLY = 0.2;
    static final double NOTHING = 0.1;

    private static final String BUILT_IN = "/dev/smtpexplain/core/rules.txt";
    private static final String TOKENS = "/dev/smtpexplain/core/tokens.tsv";
    private static final String WORDS_FILE = "/dev/smtpexplain/core/words.tsv";
    // "words:<category>", built once: a diagnosis by the words allocates no rule id
    private static final String[] WORDS_RULE_IDS = wordsRuleIds();

    // what the words suggest, by the model's probability, which is calibrated: on wordings no rule had seen
    // (2,860 rows of the never-seen rounds) its answers were right 89 % of the time from 0.7 on, 56 % from 0.4,
    // 33 % from 0.2 and 24 % below (docs/confidence.md, "The word model"); a guess from words stays below
    // "high". Even below 0.2 the words were right about as often as the codes they stand in for, so they decide
    // whenever they know a word of the reply, and the confidence says how little that may be: held out by source,
    // the coded replies below 0.2 were right one time in ten
    static final double WORDS_NEAR_CERTAIN = 0.7;
    static final double WORDS_LIKELY = 0.55;
    static final double WORDS_LEANING = 0.35;
    static final double WORDS_GUESSING = 0.15;
    // over a weak rule the words decide from 0.7 on (right about 9 times in 10 there on never-seen wordings); past
    // a bare refusal the rest of the reply, without the refusal's words, must still lean the same way from 0.5 on
    static final double WORDS_OVER_A_WEAK_RULE = 0.7;
    static final double WORDS_REST = 0.5;

    // evidence without a rule or a listed code, built once: by class digit, and for nothing at all
    private static final Evidence[] CLASS_EVIDENCE = {null,
        new Evidence(Evidence.Source.DIGITS, "class:1"), new Evidence(Evidence.Source.DIGITS, "class:2"),
        new Evidence(Evidence.Source.DIGITS, "class:3"), new Evidence(Evidence.Source.DIGITS, "class:4"),
        new Evidence(Evidence.Source.DIGITS, "class:5")};
    private static final Evidence NO_EVIDENCE = new Evidence(Evidence.Source.NONE, "none");

    // the fallback of an unregistered status by its subject digit; the evidence id is built when used
    private static final CodeTable.Entry[] BY_SUBJECT = {
        new CodeTable.Entry(Category.UNKNOWN, false, false, null),
        new CodeTable.Entry(Category.RECIPIENT_UNKNOWN, false, false, null),
        new CodeTable.Entry(Category.MAILBOX_DISABLED, false, false, null),
        new CodeTable.Entry(Category.SERVER_ERROR, false, false, null),
        new CodeTable.Entry(Category.NETWORK_ERROR, false, false, null),
        new CodeTable.Entry(Category.PROTOCOL_ERROR, false, false, null),
        new CodeTable.Entry(Category.CONTENT_REJECTED, false, false, null),
        new CodeTable.Entry(Category.POLICY_VIOLATION, false, false, null),
    };

    private final RuleEngine engine;
    // the built-in word model is read on first need (some 100 ms in a cold JVM that a CLI answering a
    // coded reply never needs); the field caches it. A benign race: every thread reads the same immutable
    // model, published by its holder class's initialization
    private @Nullable WordModel words;
    private final boolean builtInWords;

    private Diagnoser(List<RuleSpec> rules, @Nullable WordModel words, boolean builtInWords) {
        this(new RuleEngine(rules), words, builtInWords);
    }

    private Diagnoser(RuleEngine engine, @Nullable WordModel words, boolean builtInWords) {
        this.engine = engine;
        this.words = words;
        this.builtInWords = builtInWords;
    }

    /** {@return the diagnoser with the built-in rules only} Built once, on first use, and shared. */
    public static Diagnoser standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final Diagnoser INSTANCE = builder().build();
    }

    /** {@return a new builder starting from the built-in rules} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Diagnoses a reply as text. Never throws.
     *
     * @param reply anything {@link SmtpReply#parseLenient(String)} accepts: a reply, a DSN
     *     {@code Diagnostic-Code} value, an exception message or bare server text
     * @return the diagnosis; {@link Category#UNKNOWN} when nothing in the text is recognized
     */
    public Diagnosis diagnose(String reply) {
        return diagnose(SmtpReply.parseLenient(reply));
    }

    /**
     * Diagnoses a parsed reply. Never throws for a non-null reply.
     *
     * @param reply the reply
     * @return the diagnosis; {@link Category#UNKNOWN} when nothing in the reply is recognized
     */
    public Diagnosis diagnose(SmtpReply reply) {
        Objects.requireNonNull(reply, "reply");
        RuleEngine.Match[] m = engine.match(reply);
        if (m[0] == null && m[1] != null && reply.lines().size() > 1) {
            m[1] = weakMatchPastTheProse(reply, m[1]);
        }
        ReplyCode replyCode = reply.code().orElse(null);
        EnhancedStatus replyStatus = reply.status().orElse(null);
        CodeTable.Entry status = replyStatus == null ? null : statusEntry(replyStatus);
        if (status != null && status.authOnly() && replyCode != null && !CodeTable.answersAuth(replyCode.value())) {
            status = null; // "554 5.7.9 Header error": a status of AUTH replies, borrowed
        }
        if (m[0] != null) {
            // "no such domain", "does not exist" say an address is unknown; a status about the sender's address (X.1.7,
            // X.1.8) says whose: the sender's, not a recipient's
            if (status != null && status.category() == Category.SENDER_REJECTED && readsARecipientAddress(m[0].rule().category())) {
                return fromStatus(reply, status, SPECIFIC_STATUS);
            }
            return fromRule(reply, m[0], textConfidence(reply, m[0], status, TEXT_RULE));
        }
        int cls = reply.classDigit();
        if (cls == 2 || cls == 3) {
            // a success or an intermediate reply ("250 2.1.5 Ok", "354 Start mail input"): no failure for a status, a
            // weak rule or the words to name, only what a rule reads outright (a 250 that says the message was discarded)
            return Diagnosis.of(reply, Category.UNKNOWN, CLASS_ONLY, CLASS_EVIDENCE[cls]);
        }
        // the basic code's class bounds what a status means: "450 4.2.1" is not a disabled mailbox, it is
        // a mailbox that takes no mail for now; such a status leaves the decision to the code
        if (status != null && !status.fitsClass(replyCode == null ? 0 : replyCode.classDigit())) {
            status = null;
        }
        if (status != null && status.specific()) {
            return fromStatus(reply, status, SPECIFIC_STATUS);
        }
        CodeTable.Entry code = replyCode == null ? null : CodeTable.forCode(replyCode);
        boolean specificCode = code != null && code.specific();
        if (m[1] != null && !specificCode) {
            return fromWeakRule(reply, m[1], status, replyCode);
        }
        // no rule understood the text and no status says what it is: on wordings no rule had seen, the words,
        // weighed by a model learned from the documented replies, were right more often than the basic code
        Diagnosis fromWords = byWords(reply, status, replyCode, 0, null, null);
        if (fromWords != null) {
            return fromWords;
        }
        if (specificCode) {
            // a bare 421 says the server is closing, not why: right about one time in four unseen
            return fromCode(reply, code, code.category() == Category.SERVICE_UNAVAILABLE ? UNEXPLAINED_REFUSAL : SPECIFIC_CODE);
        }
        if (status != null && status.category() != Category.UNKNOWN) {
            return fromStatus(reply, status, unexplained(status.category(), GENERIC_STATUS));
        }
        if (code != null && code.category() != Category.UNKNOWN) {
            return fromCode(reply, code, unexplained(code.category(), GENERIC_CODE));
        }
        if (cls > 0) {
            return Diagnosis.of(reply, Category.UNKNOWN, CLASS_ONLY, CLASS_EVIDENCE[cls]);
        }
        return Diagnosis.of(reply, Category.UNKNOWN, NOTHING, NO_EVIDENCE);
    }

    private Diagnosis fromWeakRule(SmtpReply reply, RuleEngine.Match weak, CodeTable.@Nullable Entry status, @Nullable ReplyCode replyCode) {
        // a weak rule reads a word or two beside a generic code ("550 … unavailable"): words the model is fairly sure
        // of, naming another category, say more (on wordings no rule had seen, 11 of 2,860 rows more right). A bare
        // refusal ("rejected", "access denied") was right one time in twenty there, and only its other words may
        // overrule it; a refusal "due to local policy" names its reason: that stays
        String phrase = weak.evidence().matchedPhrase().orElse("");
        boolean refusal = weak.rule().category() == Category.POLICY_VIOLATION;
        if (!(refusal && phrase.contains("policy"))) {
            Diagnosis fromWords = byWords(reply, status, replyCode, WORDS_OVER_A_WEAK_RULE, refusal ? phrase : null, weak.rule().category());
            if (fromWords != null && fromWords.category() != weak.rule().category()) {
                return fromWords;
            }
        }
        return fromRule(reply, weak, unexplained(weak.rule().category(), textConfidence(reply, weak, status, WEAK_TEXT_RULE)));
    }

    // words that ask for a retry or say that a failure is temporary: they give no reason for a refusal
    private static final String NO_REASON = " please try again later retry temporarily temporary";
    private static final long[] NO_REASON_WORDS = WordFeatures.wordHashes(NO_REASON);

    // whether the text may hold one of NO_REASON's words ("try", "later", "temporar…"): most texts hold none, and
    // then one guess is enough
    private static boolean mayAskForARetry(String text) {
        for (int i = 1; i < text.length(); i++) {
            if ((text.charAt(i) | 0x20) != 'r') {
                continue;
            }
            if ((text.charAt(i - 1) | 0x20) == 't' && i + 1 < text.length() && (text.charAt(i + 1) | 0x20) == 'y'
                    || text.regionMatches(true, i - 1, "er", 0, 2) && text.regionMatches(true, i - 4, "later", 0, 5)
                    || text.regionMatches(true, i - 5, "tempor", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    // what the words suggest, when the model is at least `atLeast` sure and, past a `refusal` (a rule's phrase),
    // the other words say the same and say more than "refused" (the explanation quotes one of those); null when
    // there is no model, when a status says more than "refused by policy" (5.7.0, 5.7.1 do not say why: on
    // wordings no rule had seen, the words were right more often than they, docs/confidence.md), or for a
    // reply that only AUTH gets; null too when the words name `ruled`, the weak rule's category (the rule's evidence
    // stands then, so the second guess and the quote are not worth their walks over the text)
    private @Nullable Diagnosis byWords(SmtpReply reply, CodeTable.@Nullable Entry status, @Nullable ReplyCode replyCode, double atLeast,
            @Nullable String refusal, @Nullable Category ruled) {
        WordModel model = words;
        if (model == null && builtInWords) {
            model = words = BuiltInWords.MODEL;
        }
        if (model == null || status != null && status.category() != Category.UNKNOWN && status.category() != Category.POLICY_VIOLATION
                || replyCode != null && RuleEngine.answersOnlyAuth(replyCode.value())) {
            return null;
        }
        String text = RelayProse.serverText(reply.lines());
        long[] codeAndStatus = WordFeatures.replyHashes(replyCode, reply.status().orElse(null));
        WordModel.Guess guess = model.guess(text, reply.classDigit(), WordFeatures.NO_WORDS, codeAndStatus);
        if (guess == null || guess.probability() < atLeast || guess.category() == ruled) {
            return null;
        }
        long[] without = WordFeatures.NO_WORDS;
        if (atLeast > 0) { // over a weak rule
            if (refusal != null && guess.category() == Category.POLICY_VIOLATION) {
                return null; // the words say what the refusal says: the rule's evidence stands
            }
            // the other words must say the same on their own: "Message rejected" leans to spam only by the
            // refusal's own word, and "please try again later" says when, not why ("Mailbox unavailable. Please
            // try again later." is still the rule's unknown mailbox, not a busy service)
            without = refusal == null ? NO_REASON_WORDS : WordFeatures.wordHashes(refusal + NO_REASON);
            WordModel.Guess rest = model.guess(text, reply.classDigit(), without, codeAndStatus);
            if (rest == null || rest.category() != guess.category() || rest.probability() < WORDS_REST) {
                return null;
            }
        } else if (mayAskForARetry(text)) {
            // a request to retry says when, not why: the other words decide when they say something on their own
            // ("临时Block … Please try again later." is still a block, not greylisting)
            WordModel.Guess reason = model.guess(text, reply.classDigit(), NO_REASON_WORDS, codeAndStatus);
            if (reason != null && reason.category() != guess.category() && reason.probability() >= WORDS_REST) {
                guess = reason;
                without = NO_REASON_WORDS;
            }
        }
        return fromWords(reply, guess, model.quote(text, guess.category(), without));
    }

    /**
     * The same rules, tokens and code tables without the word model: every diagnosis names the rule or code
     * that decided it (see {@link Builder#withoutWordModel()}). Shares this diagnoser's compiled rules, so it
     * costs no compilation.
     *
     * @return a diagnoser that never decides by the words
     */
    public Diagnoser withoutWordModel() {
        return words == null && !builtInWords ? this : new Diagnoser(engine, null, false);
    }

    /** {@return the number of text rules and provider tokens (each token is a rule of its own), built-in and added} */
    public int ruleCount() {
        return engine.rules().size();
    }

    private static boolean readsARecipientAddress(Category c) {
        return c == Category.RECIPIENT_UNKNOWN || c == Category.RECIPIENT_DOMAIN_UNKNOWN;
    }

    /**
     * How sure a text rule is: surer when a specific enhanced status says the same, less when it says
     * something else, and a guess when the text has no code, no status and no sign of mail software.
     */
    private static double textConfidence(SmtpReply reply, RuleEngine.Match m, CodeTable.Entry status, double base) {
        if (reply.code().isEmpty() && reply.status().isEmpty()) {
            return ReplyShape.looksLikeMail(reply.lines()) ? Math.min(base, UNCODED_MAIL_TEXT) : UNCODED_TEXT;
        }
        if (status != null && status.specific()) {
            return status.category() == m.rule().category() ? Math.max(base, TEXT_RULE_AGREEING) : Math.min(base, TEXT_RULE_DISAGREEING);
        }
        return base;
    }

    // a weak rule's words ("rejected", "blocked", "header") in the prose a relay or a client wrote before it
    // introduced the reply ("Google tried to deliver your message, but it was rejected by the server …
    // The error that the other server returned was:") say nothing about why the server refused: only
    // the introducing line (which names the stage) and what follows it are read for them. A bare refusal
    // in the introducing line itself ("Your message has been denied for the following reasons:") says
    // that the reasons follow: a weak rule that reads them decides before it
    private RuleEngine.@Nullable Match weakMatchPastTheProse(SmtpReply reply, RuleEngine.Match weak) {
        List<String> lines = reply.lines();
        int introduction = RelayProse.lastIntroduction(lines);
        if (introduction < 0) {
            return weak;
        }
        RuleEngine.Match match = weak;
        if (introduction > 0) {
            RuleEngine.Match[] past = engine.match(part(reply, introduction, lines.size()));
            match = past[0] == null ? past[1] : weak;
        }
        if (match != null && match.rule().category() == Category.POLICY_VIOLATION && refuses(reply, introduction)) {
            RuleEngine.Match[] reasons = engine.match(part(reply, introduction + 1, lines.size()));
            if (reasons[0] == null && reasons[1] != null) {
                match = reasons[1];
            }
        }
        return match;
    }

    // whether the introducing line itself holds a bare refusal (looked at alone: most introductions,
    // "host mx.example.org said:", hold none, and then the reasons need no second reading)
    private boolean refuses(SmtpReply reply, int introduction) {
        RuleEngine.Match[] own = engine.match(part(reply, introduction, introduction + 1));
        return own[1] != null && own[1].rule().category() == Category.POLICY_VIOLATION;
    }

    private static SmtpReply part(SmtpReply reply, int fromLine, int toLine) {
        return new SmtpReply(reply.code().orElse(null), reply.status().orElse(null), reply.lines().subList(fromLine, toLine), reply.raw());
    }

    // a loop, not a stream: this runs while a command-line tool's JVM starts
    private static String[] wordsRuleIds() {
        Category[] categories = Category.values();
        String[] ids = new String[categories.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "words:".concat(categories[i].id());
        }
        return ids;
    }

    private static Diagnosis fromWords(SmtpReply reply, WordModel.Guess guess, String quote) {
        double p = guess.probability();
        double confidence = p >= 0.7 ? WORDS_NEAR_CERTAIN : p >= 0.4 ? WORDS_LIKELY : p >= 0.2 ? WORDS_LEANING : WORDS_GUESSING;
        if (reply.code().isEmpty() && reply.status().isEmpty()) {
            confidence = Math.min(confidence, ReplyShape.looksLikeMail(reply.lines()) ? UNCODED_MAIL_TEXT : UNCODED_TEXT);
        }
        Evidence evidence = new Evidence(Evidence.Source.WORDS, WORDS_RULE_IDS[guess.category().ordinal()],
                quote.isEmpty() ? Optional.empty() : Optional.of(quote));
        // "refused by policy" from the words is capped like the other guesses, not as low as a bare refusal: the
        // words saw more than "refused" (held out by source, right about three times in ten)
        double capped = guess.category() == Category.POLICY_VIOLATION ? Math.min(confidence, WORDS_LEANING) : confidence;
        return Diagnosis.of(reply, guess.category(), capped, evidence);
    }

    /** A generic refusal (weak rule, generic status or code) says no more than "refused": a guess. */
    private static double unexplained(Category category, double confidence) {
        return category == Category.POLICY_VIOLATION ? Math.min(confidence, UNEXPLAINED_REFUSAL) : confidence;
    }

    private static Diagnosis fromRule(SmtpReply reply, RuleEngine.Match m, double confidence) {
        Diagnosis d = Diagnosis.of(reply, m.rule().category(), confidence, m.evidence());
        Actor who = m.rule().actor();
        return who == null ? d : d.actedOnBy(who);
    }

    private static Diagnosis fromStatus(SmtpReply reply, CodeTable.Entry e, double confidence) {
        Evidence evidence = e.evidence() != null ? e.evidence()
                : new Evidence(Evidence.Source.ENHANCED_STATUS, "status:" + reply.status().orElseThrow().registryForm());
        return Diagnosis.of(reply, e.category(), confidence, evidence);
    }

    private static Diagnosis fromCode(SmtpReply reply, CodeTable.Entry e, double confidence) {
        return Diagnosis.of(reply, e.category(), confidence, e.evidence());
    }

    /** A registered code's entry; an unregistered one falls back, generically, on its subject. */
    private static CodeTable.Entry statusEntry(EnhancedStatus s) {
        CodeTable.Entry e = CodeTable.forStatus(s);
        if (e != null) {
            return e;
        }
        return s.subject() < BY_SUBJECT.length ? BY_SUBJECT[s.subject()] : BY_SUBJECT[0];
    }

    /**
     * Builds a {@link Diagnoser}: the built-in rules plus the application's own. Not thread-safe: use it
     * from one thread, then share the diagnoser it builds.
     */
    public static final class Builder {
        private final List<RuleSpec> appRules = new ArrayList<>();
        private boolean builtIn = true;
        private @Nullable WordModel words;
        private boolean wordModel = true;

        private Builder() {
        }

        /**
         * Adds a rule: when any of the phrases occurs in the reply's text (case, punctuation and spacing
         * ignored; whole words), the reply is {@code category}, whatever the class digit of its code (the
         * application knows what its servers mean). Added rules win over the built-in ones, in the
         * order added.
         *
         * @param id the rule's id, reported as the diagnosis's evidence: lower-case letters, digits, {@code .}, {@code _}
         *     and {@code -}, as in a rules file ({@code acme.quota})
         * @param category the category a match gives
         * @param phrases the phrases, any of which matches; at least one, each with a letter or a digit and without
         *     {@code "} or a line break
         * @return this builder
         * @throws IllegalArgumentException for an id that is not a rule id, no phrases, a phrase with {@code "} or a line
         *     break, or a phrase without letters or digits (the message names the rule line this method writes for the
         *     phrases, as {@link #addRules} would read it)
         */
        public Builder addRule(String id, Category category, String... phrases) {
            Objects.requireNonNull(category, "category");
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a rule needs an id");
            }
            // checked here: written into a rules line, "#x" would make it a comment and "my rule" a rule named "my"
            if (!RulesParser.isRuleId(id)) {
                throw new IllegalArgumentException("rule id must be lower-case letters, digits, '.', '_' or '-': \""
                        + ServerText.sanitize(id, 80, false) + "\"");
            }
            if (phrases.length == 0) {
                throw new IllegalArgumentException("rule " + id + " needs at least one phrase");
            }
            StringBuilder line = new StringBuilder(id).append(' ').append(category.id()).append(" any-class ");
            for (int i = 0; i < phrases.length; i++) {
                if (phrases[i].indexOf('"') >= 0) {
                    throw new IllegalArgumentException("rule " + id + ": a phrase cannot contain '\"'");
                }
                if (phrases[i].indexOf('\n') >= 0 || phrases[i].indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("rule " + id + ": a phrase cannot contain a line break");
                }
                line.append(i > 0 ? " | " : "").append('"').append(phrases[i]).append('"');
            }
            appRules.addAll(RulesParser.parse(line.toString(), "rule " + id));
            return this;
        }

        /**
         * Adds rules written in the rules language of {@code docs/rules.md}, as the built-in {@code rules.txt} is: blocks
         * ({@code rule ID CATEGORY [WHEN]}, then indented alternatives and {@code example:}, {@code first-step:} and
         * {@code acts:} lines) and one-line rules ({@code id category when "phrase" + "phrase" | "phrase"}), freely
         * mixed. Added rules are weighed before the built-in ones. Their {@code example:} lines are read, not checked.
         *
         * @param rulesText the rules; blank lines and lines starting with {@code #} are ignored
         * @param source a name used in error messages
         * @return this builder
         * @throws IllegalArgumentException naming the line, the column and what is wrong; {@link #build()} refuses a rule
         *     id that a built-in rule or another added rule has
         */
        public Builder addRules(String rulesText, String source) {
            return addParsed(RulesParser.parse(rulesText, source));
        }

        // for RuleCheck, which reads the rules itself: parsed once
        Builder addParsed(List<RuleSpec> rules) {
            appRules.addAll(rules);
            return this;
        }

        // for the held-out measure: a word model learned without some of the documented replies
        Builder wordModel(WordModel model) {
            this.words = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Leaves the word model out: a reply that no rule and no enhanced status explains is decided by its
         * basic code and class digit alone, as {@link Category#UNKNOWN} when they say nothing. Every
         * diagnosis then names the rule or code that decided it, and fewer are right: on wordings no rule
         * had seen, 54% rather than 71% (docs/confidence.md, rounds 19–25: 880 and 1,148 of 1,623).
         *
         * @return this builder
         */
        public Builder withoutWordModel() {
            wordModel = false;
            return this;
        }

        /**
         * Leaves the built-in rules out, and the word model learned with them: only added rules and the code
         * tables remain.
         *
         * @return this builder
         */
        public Builder withoutBuiltInRules() {
            builtIn = false;
            return this;
        }

        /**
         * Compiles the rules into an immutable diagnoser. The builder stays usable; later changes do not
         * affect diagnosers already built.
         *
         * @return the diagnoser: added rules first, in the order added, then the built-in ones
         * @throws IllegalArgumentException if an added rule's id is a built-in rule's or another added rule's (an id names
         *     one rule, so that a diagnosis's evidence says which decided)
         */
        public Diagnoser build() {
            List<RuleSpec> all = new ArrayList<>(appRules);
            if (builtIn) {
                all.addAll(BuiltInRules.RULES);
            }
            checkOneRuleAnId(builtIn ? BuiltInRules.RULES : List.of(), appRules);
            return new Diagnoser(all, words, words == null && builtIn && wordModel);
        }
    }

    // for RuleCheck: the rules an application's rules are weighed before
    static List<RuleSpec> builtInRules() {
        return BuiltInRules.RULES;
    }

    // an id names one rule: a diagnosis's evidence (and a log or JSON line keyed on it) must say which rule decided. An added
    // rule may not take a built-in rule's id, nor another added rule's
    private static void checkOneRuleAnId(List<RuleSpec> builtIn, List<RuleSpec> added) {
        if (added.isEmpty()) {
            return;
        }
        Map<String, String> origins = new HashMap<>();
        for (RuleSpec r : builtIn) {
            origins.put(r.id(), "the built-in rule (" + r.origin() + ")");
        }
        for (RuleSpec r : added) {
            String before = origins.putIfAbsent(r.id(), r.origin());
            if (before != null) {
                throw new IllegalArgumentException("rule id " + r.id() + " (" + r.origin() + ") is taken by " + before
                        + ": an id names one rule; give this one another");
            }
        }
    }

    private static final class BuiltInWords {
        static final WordModel MODEL = WordModel.parse(BuiltInRules.read(WORDS_FILE).lines().toList());
    }

    private static final class BuiltInRules {
        // provider reason tokens first: a documented token is the surest sign of what a provider meant
        static final List<RuleSpec> RULES = List.copyOf(concat(
                RulesParser.parseTokens(read(TOKENS), "tokens.tsv"), RulesParser.parse(read(BUILT_IN), "rules.txt")));

        private static List<RuleSpec> concat(List<RuleSpec> a, List<RuleSpec> b) {
            List<RuleSpec> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        private static String read(String resource) {
            try (InputStream in = Diagnoser.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
