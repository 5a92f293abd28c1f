package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.CodeMeaning;
import dev.smtpexplain.core.EnhancedStatus;
import dev.smtpexplain.core.ReplyCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The registered codes and the category each suggests, read once from {@code codes.tsv}. */
public final class CodeTable {

    /** A code's fallback category, and whether the code alone is a reliable sign of it. */
    public record Entry(Category category, boolean specific) {
    }

    private static final CodeTable INSTANCE = load();

    private final Map<Integer, Entry> codes;
    private final Map<String, Entry> statuses;
    private final List<ReplyCode> codeList;
    private final List<String> statusList;
    // one meaning per listed basic code, built once: diagnoses share them
    private final Map<Integer, CodeMeaning> codeMeanings = new HashMap<>();

    private CodeTable(Map<Integer, Entry> codes, Map<String, Entry> statuses, List<ReplyCode> codeList, List<String> statusList) {
        this.codes = codes;
        this.statuses = statuses;
        this.codeList = codeList;
        this.statusList = statusList;
        for (ReplyCode c : codeList) {
            codeMeanings.put(c.value(), codeMeaning(c, true));
        }
    }

    private static CodeTable load() {
        Map<Integer, Entry> codes = new HashMap<>();
        Map<String, Entry> statuses = new HashMap<>();
        List<ReplyCode> codeList = new ArrayList<>();
        List<String> statusList = new ArrayList<>();
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
                Entry e = new Entry(Category.fromId(f[2]), f.length > 3 && f[3].equals("specific"));
                if (f[0].equals("code")) {
                    ReplyCode c = ReplyCode.parse(f[1]);
                    codes.put(c.value(), e);
                    codeList.add(c);
                } else if (f[0].equals("status")) {
                    statuses.put(f[1], e);
                    statusList.add(f[1]);
                } else {
                    throw new IllegalStateException("codes.tsv line " + n + ": unknown kind " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CodeTable(codes, statuses, List.copyOf(codeList), List.copyOf(statusList));
    }

    /** The fallback entry for a basic code, or null when the code is not listed. */
    public static Entry forCode(ReplyCode code) {
        return INSTANCE.codes.get(code.value());
    }

    /** The fallback entry for an enhanced status code, or null when it is not registered. */
    public static Entry forStatus(EnhancedStatus status) {
        return INSTANCE.statuses.get(status.registryForm());
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
        CodeMeaning m = INSTANCE.codeMeanings.get(code.value());
        return m != null ? m : codeMeaning(code, false);
    }

    private static CodeMeaning codeMeaning(ReplyCode code, boolean registered) {
        int area = code.areaDigit();
        return new CodeMeaning(code.toString(), registered ? "code." + code.value() : null,
                "code.class." + code.classDigit(), area <= 5 ? "code.area." + area : null);
    }

    /** The meaning of an enhanced status code: the registry's for X.s.d, else its class and subject. */
    public static CodeMeaning meaningOf(EnhancedStatus status) {
        String form = status.registryForm();
        boolean registered = INSTANCE.statuses.containsKey(form);
        return new CodeMeaning(status.toString(), registered ? "status." + status.subject() + "." + status.detail() : null,
                "status.class." + status.statusClass(), status.subject() <= 7 ? "status.subject." + status.subject() : null);
    }
}
