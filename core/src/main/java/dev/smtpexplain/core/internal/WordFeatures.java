package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.EnhancedStatus;
import dev.smtpexplain.core.ReplyCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The features the {@link WordModel} weighs: the words of a text and each pair of neighbouring words.
 * A word is a run of letters (and of the vowel signs Devanagari and its kin write within a word), lower-cased,
 * apostrophes dropped ("Can't" is {@code cant}), of two letters
 * or more, counted by its first {@value #STEM} letters; an ASCII capital after a small letter starts a new word, so
 * that the identifiers servers and APIs write ("QuotaExceededException", "RecipNotFound") read as their words (and a longer one by its first {@value #PREFIX} as well); digits, punctuation and symbols only separate
 * words, so codes and numbers never count, and e-mail addresses are skipped whole. Scripts written without spaces (Chinese, Japanese, Korean, Thai)
 * have no words to split, so each pair of neighbouring characters counts as a word. Only the first
 * {@value #MAX_CHARS} characters are read: a reply states its reason early, and the cost stays bounded
 * however long the input.
 *
 * <p>A word that {@link Concepts} lists also counts as the English word it means ("Kennwort" as "password"), and a pair
 * with such a word as the pair of what its words mean, so that what the model learned from English replies reads
 * other languages too.
 *
 * <p>Beside the words, the reply's code and its enhanced status's subject and detail are a feature each
 * ({@link #replyFeatures}): a 501 leans to a command's syntax, a 452 to too many recipients or a full
 * store, whatever the words. Held out by source, the model read 37 more of 7,992 replies right with them.
 *
 * <p>A feature is a 64-bit hash, so that weighing a text allocates nothing per word; {@link #features}
 * gives the same features as strings for the tool that writes the model file, and {@link #hash} turns
 * such a string back into the hash.
 */
public final class WordFeatures {

    public static final int MAX_CHARS = 2_000;

    /**
     * A word counts by its first five letters, roughly its stem: "rejected", "rejection" and "rejecting" are one
     * feature, as are "Empfänger" and "Empfängers", "получателя" and "получатель". Held out by source, this read
     * 1.4 points more replies right than whole words (docs/confidence.md); four or six letters read fewer.
     */
    static final int STEM = 5;

    /**
     * A word longer than this also counts by its first {@value} letters, as a feature of its own ("^reje" for
     * "rejected" and "rejet"): a second, cruder stem that reads words across languages and spellings the first five
     * letters keep apart. Held out by source it read 0.5 to 0.6 points more replies right (docs/confidence.md).
     */
    static final int PREFIX = 4;

    // what starts a prefix feature: no word starts with it
    private static final char PREFIX_MARK = '^';

    /** Receives each feature: its hash and where it lies in the text (a pair spans both words). */
    public interface Sink {
        void feature(long hash, int start, int end);
    }

    private WordFeatures() {
    }

    /** No words to leave out. */
    public static final long[] NO_WORDS = new long[0];

    /** Calls {@code sink} for each word and each pair of neighbouring words of {@code text}, in order. */
    public static void forEach(CharSequence text, Sink sink) {
        forEach(text, NO_WORDS, sink);
    }

    /**
     * As {@link #forEach(CharSequence, Sink)}, without the words whose hashes {@code without} holds (the
     * words on either side of one pair up instead).
     */
    public static void forEach(CharSequence text, long[] without, Sink sink) {
        forEach(text, without, Concepts.standard(), sink);
    }

    /** As {@link #forEach(CharSequence, long[], Sink)}, with the words of other languages {@code concepts} reads as English. */
    static void forEach(CharSequence text, long[] without, Concepts concepts, Sink sink) {
        words(text, new WordSink() {
            private long previous;
            private long previousConcept = Concepts.NONE;
            private int previousStart = -1;

            @Override
            public void word(long word, long prefix, int start, int end) {
                for (long w : without) {
                    if (w == word) {
                        return;
                    }
                }
                sink.feature(word, start, end);
                long concept = concepts.of(word);
                if (concept != Concepts.NONE) {
                    sink.feature(concept, start, end);
                }
                if (prefix != NO_PREFIX) {
                    sink.feature(prefix, start, end);
                }
                if (previousStart >= 0) {
                    sink.feature(pair(previous, word), previousStart, end);
                    if (previousConcept != Concepts.NONE || concept != Concepts.NONE) {
                        sink.feature(pair(previousConcept != Concepts.NONE ? previousConcept : previous,
                                concept != Concepts.NONE ? concept : word), previousStart, end);
                    }
                }
                previous = word;
                previousConcept = concept;
                previousStart = start;
            }
        });
    }

    /**
     * {@return the features of {@code text} as strings: a word's first {@value #STEM} letters, its concept's, its first
     * {@value #PREFIX} after a '^', or two words (or what they mean) with a space between}
     */
    public static List<String> features(CharSequence text) {
        Concepts concepts = Concepts.standard();
        List<String> words = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<@Nullable String> named = new ArrayList<>();
        words(text, (hash, prefix, start, end) -> {
            String stem = lowerLetters(text, start, end, STEM);
            words.add(stem);
            prefixes.add(prefix == NO_PREFIX ? null : PREFIX_MARK + stem.substring(0, stem.offsetByCodePoints(0, PREFIX)));
            named.add(concepts.nameOf(hash));
        });
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            out.add(words.get(i));
            if (named.get(i) != null) {
                out.add(named.get(i));
            }
            if (prefixes.get(i) != null) {
                out.add(prefixes.get(i));
            }
            if (i > 0) {
                out.add(words.get(i - 1) + " " + words.get(i));
                if (named.get(i - 1) != null || named.get(i) != null) {
                    out.add((named.get(i - 1) != null ? named.get(i - 1) : words.get(i - 1)) + " "
                            + (named.get(i) != null ? named.get(i) : words.get(i)));
                }
            }
        }
        return out;
    }

    /**
     * {@return the words of {@code text} as the model reads them, whole and with their accents: lower-case letters,
     * one space between, no other character} What an explanation quotes of a feature's span; in a script written
     * without spaces, the characters of a run once each (邮箱已满, not its pairs).
     */
    public static String quoted(CharSequence text) {
        StringBuilder sb = new StringBuilder();
        int[] lastEnd = {-1};
        words(text, (hash, prefix, start, end) -> {
            int from = start;
            if (start < lastEnd[0]) {
                from = lastEnd[0]; // a pair of characters overlapping the last: only its new character
            } else if (!sb.isEmpty()) {
                sb.append(' ');
            }
            for (int i = from; i < end; ) {
                int cp = Character.codePointAt(text, i);
                if (Character.isLetter(cp) || isMark(cp)) {
                    sb.appendCodePoint(Character.toLowerCase(cp));
                }
                i += Character.charCount(cp);
            }
            lastEnd[0] = end;
        });
        return sb.toString();
    }

    /** {@return the hashes of the words of {@code text}, without pairs} */
    public static long[] wordHashes(CharSequence text) {
        long[][] out = {new long[8]};
        int[] n = {0};
        words(text, (hash, prefix, start, end) -> {
            if (n[0] == out[0].length) {
                out[0] = Arrays.copyOf(out[0], 2 * n[0]);
            }
            out[0][n[0]++] = hash;
        });
        return Arrays.copyOf(out[0], n[0]);
    }

    // what starts a feature of the reply's code or status: no word starts with it
    private static final char REPLY_MARK = '\u00a7';

    /**
     * {@return the features of a reply's code and status as strings: "§550" for the code, "§x.7.1" for a status
     * (its class is the code's)} Either may be absent.
     */
    public static List<String> replyFeatures(@Nullable ReplyCode code, @Nullable EnhancedStatus status) {
        List<String> out = new ArrayList<>(2);
        if (code != null) {
            out.add(REPLY_MARK + Integer.toString(code.value()));
        }
        if (status != null) {
            out.add(REPLY_MARK + "x." + status.subject() + "." + status.detail());
        }
        return out;
    }

    /** {@return the hashes of {@link #replyFeatures}, as {@link #hash} gives them, without building the strings} */
    public static long[] replyHashes(@Nullable ReplyCode code, @Nullable EnhancedStatus status) {
        long[] out = new long[(code == null ? 0 : 1) + (status == null ? 0 : 1)];
        int n = 0;
        if (code != null) {
            out[n++] = mixDigits(mix(OFFSET, REPLY_MARK), code.value());
        }
        if (status != null) {
            long h = mix(mix(mix(OFFSET, REPLY_MARK), 'x'), '.');
            out[n] = mixDigits(mix(mixDigits(h, status.subject()), '.'), status.detail());
        }
        return out;
    }

    // the hash `h` goes on to after the decimal digits of a non-negative `value`
    private static long mixDigits(long h, int value) {
        int scale = 1;
        while (scale <= value / 10) {
            scale *= 10;
        }
        for (; scale > 0; scale /= 10) {
            h = mix(h, '0' + value / scale % 10);
        }
        return h;
    }

    /**
     * {@return the hash of a feature string as {@link #features} or {@link #replyFeatures} writes it; a longer
     * word hashes as its stem}
     */
    public static long hash(String feature) {
        if (!feature.isEmpty() && (feature.charAt(0) == REPLY_MARK || feature.charAt(0) == PREFIX_MARK)) {
            return wordHash(feature, Integer.MAX_VALUE); // whole: 5.7.13 and 5.7.133 are two features
        }
        int space = feature.indexOf(' ');
        return space < 0 ? wordHash(feature, STEM)
                : pair(wordHash(feature.substring(0, space), STEM), wordHash(feature.substring(space + 1), STEM));
    }

    private static final int[] NO_NAMES = new int[0];

    // each word once, in order, with its span
    // receives each word: its hash, the hash of its first PREFIX letters when it has more than PREFIX (else
    // NO_PREFIX), and its span
    private interface WordSink {
        void word(long hash, long prefix, int start, int end);
    }

    private static final long NO_PREFIX = 0;

    private static void words(CharSequence text, WordSink sink) {
        int n = Math.min(text.length(), MAX_CHARS);
        int i = 0;
        int addressEnd = -1;
        // most replies hold no '@': then no chunk is an address, and none needs the walk that looks for one
        boolean mayHoldAddress = false;
        for (int k = 0; k < n && !mayHoldAddress; k++) {
            mayHoldAddress = text.charAt(k) == '@';
        }
        // where a server names itself (first, or in brackets: "User unknown [mx1.spamfilter.example.net]"), its
        // host name's labels are not its words, as for the rules; nor is a queue identifier's "queue id"
        String head = n == text.length() ? text.toString() : text.subSequence(0, n).toString();
        int[] names = head.indexOf('.') >= 0 ? PhraseAutomaton.dataRanges(head, false) : NO_NAMES;
        int[] ids = PhraseAutomaton.idRanges(head);
        if (ids.length > 0) {
            names = PhraseAutomaton.union(names, ids);
        }
        int name = 0;
        while (i < n) {
            if (mayHoldAddress && i > addressEnd && (i == 0 || delimits(text.charAt(i - 1)))) {
                addressEnd = addressEnd(text, i, n);
            }
            if (i < addressEnd) {
                // an address names someone; its words ("spam@…", "full@…") say nothing about what happened
                i = addressEnd;
                continue;
            }
            while (name < names.length && names[name + 1] <= i) {
                name += 2;
            }
            if (name < names.length && i >= names[name]) {
                i = names[name + 1];
                continue;
            }
            int cp = Character.codePointAt(text, i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            if (cp >= 0x80 && unspaced(cp)) {
                // pairs of characters: 中文信箱 gives 中文, 文信, 信箱; a lone character counts alone
                int start = i;
                int next = i + Character.charCount(cp);
                boolean alone = true;
                while (next < n) {
                    int cp2 = Character.codePointAt(text, next);
                    if (!Character.isLetter(cp2) || !unspaced(cp2)) {
                        break;
                    }
                    alone = false;
                    int end = next + Character.charCount(cp2);
                    sink.word(mix(mix(OFFSET, Character.toLowerCase(cp)), Character.toLowerCase(cp2)), NO_PREFIX, start, end);
                    start = next;
                    cp = cp2;
                    next = end;
                }
                if (alone) {
                    sink.word(mix(OFFSET, Character.toLowerCase(cp)), NO_PREFIX, start, next);
                }
                i = next;
                continue;
            }
            int start = i;
            long h = OFFSET;
            long p = PREFIX_OFFSET;
            int letters = 0;
            while (i < n) {
                char ch = text.charAt(i);
                if (ch < 0x80) {
                    // ASCII, most of what servers write: no script lookup, no surrogates
                    if (ch >= 'A' && ch <= 'Z' && letters > 0 && text.charAt(i - 1) >= 'a' && text.charAt(i - 1) <= 'z') {
                        break; // "QuotaExceeded", "RecipNotFound": a capital after a small letter starts a word
                    }
                    if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') {
                        if (letters < STEM) {
                            h = mix(h, ch | 0x20);
                            p = letters < PREFIX ? mix(p, ch | 0x20) : p;
                        }
                        letters++;
                    } else if (ch != '\'') {
                        break;
                    }
                    i++;
                    continue;
                }
                int c = Character.codePointAt(text, i);
                boolean letter = Character.isLetter(c);
                if ((letter || letters > 0 && isMark(c)) && !unspaced(c)) {
                    if (letters < STEM) {
                        int lc = letter ? lower(c) : c;
                        h = mix(h, lc);
                        p = letters < PREFIX ? mix(p, lc) : p;
                    }
                    letters++;
                } else if (!isApostrophe(c)) {
                    break;
                }
                i += Character.charCount(c);
            }
            if (letters >= 2) {
                sink.word(h, letters > PREFIX ? p : NO_PREFIX, start, i);
            }
        }
    }

    // where the chunk starting at `from` ends if it is an address (an '@' between two word characters), else -1
    private static int addressEnd(CharSequence text, int from, int n) {
        boolean at = false;
        int i = from;
        while (i < n && !delimits(text.charAt(i))) {
            if (text.charAt(i) == '@' && i > from && i + 1 < n && Character.isLetterOrDigit(text.charAt(i - 1))
                    && Character.isLetterOrDigit(text.charAt(i + 1))) {
                at = true;
            }
            i++;
        }
        return at ? i : -1;
    }

    private static boolean delimits(char c) {
        return Character.isWhitespace(c) || c == '<' || c == '>' || c == '(' || c == ')' || c == '[' || c == ']' || c == '"'
                || c == '\'' || c == ',' || c == ';';
    }

    // the hash of a word's first `limit` code points
    private static long wordHash(String word, int limit) {
        long h = OFFSET;
        for (int i = 0, letters = 0; i < word.length() && letters < limit; letters++) {
            int cp = word.codePointAt(i);
            h = mix(h, cp);
            i += Character.charCount(cp);
        }
        return h;
    }

    // a word's string from its span: its first `limit` letters, lower-cased, without apostrophes
    private static String lowerLetters(CharSequence text, int start, int end, int limit) {
        StringBuilder sb = new StringBuilder(end - start);
        int letters = 0;
        for (int i = start; i < end && letters < limit; ) {
            int cp = Character.codePointAt(text, i);
            boolean letter = Character.isLetter(cp);
            if (letter || isMark(cp)) {
                sb.appendCodePoint(letter ? lower(cp) : cp);
                letters++;
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    // a letter as the rules' scanner sees it: lower-cased, a Latin or Greek letter without its accents
    // ("rejeté" and "REJETE" are one word), each block's folding worked out once
    private static int lower(int cp) {
        return cp < 0x10000 ? PhraseAutomaton.fold((char) cp) : Character.toLowerCase(cp);
    }

    static boolean unspaced(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HANGUL || s == Character.UnicodeScript.THAI;
    }

    // a vowel sign or other mark of a script's own that is part of a word (Devanagari, Bengali, Gujarati, Tamil and
    // their kin write most vowels so); not the combining accents any script may carry, which text composed to NFC
    // has joined to their letters where it could, and which a hostile reply may stack by the hundred
    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script != Character.UnicodeScript.INHERITED && script != Character.UnicodeScript.COMMON;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019';
    }

    // FNV-1a over code points, with a final mix for pairs
    private static final long OFFSET = 0xcbf29ce484222325L;
    // a prefix feature's hash starts from its mark, as hash() of its string does
    private static final long PREFIX_OFFSET = mix(OFFSET, PREFIX_MARK);

    private static long mix(long h, int cp) {
        return (h ^ cp) * 0x100000001b3L;
    }

    private static long pair(long first, long second) {
        long h = first * 0x9E3779B97F4A7C15L + second;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
