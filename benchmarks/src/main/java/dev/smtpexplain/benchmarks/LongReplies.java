package dev.smtpexplain.benchmarks;

import java.util.List;

/** Replies of a given length for the text-length benchmark. */
final class LongReplies {

    /** The prefix of a built-in phrase ("user unknown") that never completes it. */
    static final String NEAR_MISS = "user unknow ";

    private LongReplies() {
    }

    /**
     * An ordinary long reply: {@code 550-5.7.1} lines carrying the corpus's texts in turn, cut to
     * {@code chars} characters.
     */
    static String ordinary(List<String> texts, int chars) {
        StringBuilder sb = new StringBuilder(chars + 600);
        for (int i = 0; sb.length() < chars; i++) {
            String text = texts.get(i % texts.size());
            sb.append("550-5.7.1 ").append(text.isEmpty() ? "Message rejected" : text).append("\r\n");
        }
        sb.setLength(chars);
        return sb.toString();
    }

    /**
     * A pathological reply: one line of {@value #NEAR_MISS} repeated, with no reply code, so the
     * parser searches the whole line for codes and the automaton keeps almost matching.
     */
    static String pathological(int chars) {
        return NEAR_MISS.repeat(chars / NEAR_MISS.length() + 1).substring(0, chars);
    }
}
