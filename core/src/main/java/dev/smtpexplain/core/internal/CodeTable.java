package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.CodeMeaning;
import dev.smtpexplain.core.EnhancedStatus;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.core.Permanence;
import dev.smtpexplain.core.ReplyCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The registered codes and the category each suggests, read once from {@code codes.tsv}. Look-ups are
 * array indexing by the code's digits, and the meanings and evidence ids of listed codes are built once,
 * so diagnosing a reply with a listed code allocates nothing here.
 */
public final class CodeTable {

    /**
     * A code's fallback category, whether the code alone is a reliable sign of it, whether it keeps that
     * meaning whatever the reply's class digit, and the evidence a diagnosis by this code carries
     * ({@code code:550}, {@code status:X.1.1}), built once; null for a fallback entry that stands for many codes.
     * A status registered for replies to AUTH ({@code authOnly}) means what it says only beside a code such a
     * reply has.
     */
    public record Entry(Category category, boolean specific, boolean anyClass, boolean authOnly, @Nullable Evidence evidence) {

        public Entry(Category category, boolean specific, boolean anyClass, @Nullable Evidence evidence) {
            this(category, specific, anyClass, false, evidence);
        }

        /**
         * Whether this meaning fits a reply of the given class: a category permanent by nature does not
         * fit a 4xx reply, nor a temporary one a 5xx reply, unless the entry says any class.
         */
        public boolean fitsClass(int classDigit) {
            return anyClass || CodeTable.fitsClass(category, classDigit);
        }
    }

    /**
     * Whether a category fits a reply of the given class digit (0 when unknown): a server that answers
     * 4xx says "try again", so a category permanent by nature would contradict it, and the other way round.
     */
    public static boolean fitsClass(Category category, int classDigit) {
        if (classDigit < 4) {
            return true;
        }
        Permanence nature = category.defaultPermanence();
        return classDigit == 4 ? nature != Permanence.PERMANENT : nature != Permanence.TEMPORARY;
    }

    /**
     * Whether a basic code is one a reply to AUTH has (RFC 4954: 432, 454, 530, 534, 535, 538), the codes beside
     * which a status registered for such replies ("5.7.8 credentials invalid", "5.7.9 mechanism too weak") means
     * what it says. Beside 550 or 554 a server has borrowed it for something else: on the documented replies,
     * "550 5.7.9" and "554 5.7.9" were a policy refusal, a quarantined mailbox or a failed DMARC check, never
     * a failed login.
     */
    public static boolean answersAuth(int code) {
        return code == 432 || code == 454 || code == 530 || code == 534 || code == 535 || code == 538;
    }

    private static final int FIRST_CODE = 100;
    private static final int STATUS_CLASSES = 6;
    private static final CodeTable INSTANCE = load();

    private final List<ReplyCode> codeList;
    private final List<String> statusList;
    // by basic code minus FIRST_CODE; null where the code is not listed
    private final Entry[] codes = new Entry[500];
    private final CodeMeaning[] codeMeanings = new CodeMeaning[500];
    // by subject, then detail; null where the status is not registered
    private final Entry[][] statuses;
    // by class digit, subject, detail: the meanings of registered statuses
    private final CodeMeaning[][][] statusMeanings = new CodeMeaning[STATUS_CLASSES][][];

    private CodeTable(List<ReplyCode> codeList, List<Entry> codeEntries, List<EnhancedStatus> statusCodes, List<Entry> statusEntries) {
        this.codeList = List.copyOf(codeList);
        this.statusList = statusCodes.stream().map(EnhancedStatus::registryForm).toList();
        for (int i = 0; i < codeList.size(); i++) {
            ReplyCode c = codeList.get(i);
            codes[c.value() - FIRST_CODE] = codeEntries.get(i);
            codeMeanings[c.value() - FIRST_CODE] = codeMeaning(c, true);
        }
        int subjects = statusCodes.stream().mapToInt(EnhancedStatus::subject).max().orElse(-1) + 1;
        statuses = new Entry[subjects][0];
        for (int i = 0; i < statusCodes.size(); i++) {
            EnhancedStatus s = statusCodes.get(i);
            statuses[s.subject()] = put(statuses[s.subject()], s.detail(), statusEntries.get(i));
        }
        for (int cls : new int[] {2, 4, 5}) {
            statusMeanings[cls] = new CodeMeaning[subjects][];
            for (int subject = 0; subject < subjects; subject++) {
                statusMeanings[cls][subject] = new CodeMeaning[statuses[subject].length];
                for (int detail = 0; detail < statuses[subject].length; detail++) {
                    if (statuses[subject][detail] != null) {
                        statusMeanings[cls][subject][detail] = statusMeaning(new EnhancedStatus(cls, subject, detail), true);
                    }
                }
            }
        }
    }

    private static <T> T[] put(T[] row, int index, T value) {
        T[] out = row.length > index ? row : Arrays.copyOf(row, index + 1);
        out[index] = value;
        return out;
    }

    private static CodeTable load() {
        List<ReplyCode> codeList = new ArrayList<>();
        List<Entry> codeEntries = new ArrayList<>();
        List<EnhancedStatus> statusCodes = new ArrayList<>();
        List<Entry> statusEntries = new ArrayList<>();
        try (InputStream in = CodeTable.class.getResourceAsStream("/dev/smtpexplain/core/codes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("codes.tsv is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 3) {
                    throw new IllegalStateException("codes.tsv line " + n + ": expected kind, code, category");
                }
                Category category = Category.fromId(f[2]);
                List<String> flags = f.length > 3 ? Arrays.asList(f[3].split(",")) : List.of();
                for (String flag : flags) {
                    if (!flag.equals("specific") && !flag.equals("any-class") && !flag.equals("auth")) {
                        throw new IllegalStateException("codes.tsv line " + n + ": unknown flag " + flag);
                    }
                }
                boolean specific = flags.contains("specific");
                boolean anyClass = flags.contains("any-class");
                boolean authOnly = flags.contains("auth");
                if (authOnly && !f[0].equals("status")) {
                    throw new IllegalStateException("codes.tsv line " + n + ": only a status can be auth");
                }
                if (f[0].equals("code")) {
                    ReplyCode c = ReplyCode.parse(f[1]);
                    codeList.add(c);
                    codeEntries.add(new Entry(category, specific, anyClass, new Evidence(Evidence.Source.BASIC_CODE, "code:" + c)));
                } else if (f[0].equals("status")) {
                    if (!f[1].startsWith("X.")) {
                        throw new IllegalStateException("codes.tsv line " + n + ": a status is written X.subject.detail");
                    }
                    statusCodes.add(EnhancedStatus.parse("5" + f[1].substring(1)));
                    statusEntries.add(new Entry(category, specific, anyClass, authOnly, new Evidence(Evidence.Source.ENHANCED_STATUS, "status:" + f[1])));
                } else {
                    throw new IllegalStateException("codes.tsv line " + n + ": unknown kind " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CodeTable(codeList, codeEntries, statusCodes, statusEntries);
    }

    /** The fallback entry for a basic code, or null when the code is not listed. */
    public static Entry forCode(ReplyCode code) {
        return INSTANCE.codes[code.value() - FIRST_CODE];
    }

    /** The fallback entry for an enhanced status code, or null when it is not registered. */
    public static Entry forStatus(EnhancedStatus status) {
        Entry[][] bySubject = INSTANCE.statuses;
        int subject = status.subject();
        if (subject >= bySubject.length || status.detail() >= bySubject[subject].length) {
            return null;
        }
        return bySubject[subject][status.detail()];
    }

    /** Every listed basic code, ascending as in the reference table. */
    public static List<ReplyCode> codes() {
        return INSTANCE.codeList;
    }

    /** Every registered enhanced status code in registry form ({@code X.1.1}), in registry order. */
    public static List<String> statuses() {
        return INSTANCE.statusList;
    }

    /** The meaning of a basic code. */
    public static CodeMeaning meaningOf(ReplyCode code) {
        CodeMeaning m = INSTANCE.codeMeanings[code.value() - FIRST_CODE];
        return m != null ? m : codeMeaning(code, false);
    }

    private static CodeMeaning codeMeaning(ReplyCode code, boolean registered) {
        int area = code.areaDigit();
        return new CodeMeaning(code.toString(), registered ? Optional.of("code." + code.value()) : Optional.empty(),
                "code.class." + code.classDigit(), area <= 5 ? Optional.of("code.area." + area) : Optional.empty());
    }

    /** The meaning of an enhanced status code: the registry's for X.s.d, else its class and subject. */
    public static CodeMeaning meaningOf(EnhancedStatus status) {
        if (forStatus(status) == null) {
            return statusMeaning(status, false);
        }
        return INSTANCE.statusMeanings[status.statusClass()][status.subject()][status.detail()];
    }

    /**
     * The meaning of {@code status} as given beside {@code code}: a status registered for replies to AUTH (X.7.9 "the
     * login method is too weak") that another reply borrows ("554 5.7.9 Message not accepted for policy reasons") means
     * only its class and subject there, as the diagnosis reads it.
     */
    public static CodeMeaning meaningOf(EnhancedStatus status, @Nullable ReplyCode code) {
        Entry entry = forStatus(status);
        if (entry != null && entry.authOnly() && code != null && !answersAuth(code.value())) {
            return statusMeaning(status, false);
        }
        return meaningOf(status);
    }

    private static CodeMeaning statusMeaning(EnhancedStatus status, boolean registered) {
        return new CodeMeaning(status.toString(), registered ? Optional.of("status." + status.subject() + "." + status.detail()) : Optional.empty(),
                "status.class." + status.statusClass(), status.subject() <= 7 ? Optional.of("status.subject." + status.subject()) : Optional.empty());
    }
}
