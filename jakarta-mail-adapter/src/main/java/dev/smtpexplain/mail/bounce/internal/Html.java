package dev.smtpexplain.mail.bounce.internal;

/** Turns an HTML bounce into its text: tags dropped, block ends as line breaks, common entities decoded. Linear. */
final class Html {

    private Html() {
    }

    static String toText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                String tag = html.substring(i + 1, Math.min(end, i + 12)).toLowerCase(java.util.Locale.ROOT);
                if (tag.startsWith("br") || tag.startsWith("/p") || tag.startsWith("/div") || tag.startsWith("/tr")
                        || tag.startsWith("p ") || tag.equals("p") || tag.startsWith("/h") || tag.startsWith("li")) {
                    out.append('\n');
                } else if (tag.startsWith("td") || tag.startsWith("/td")) {
                    out.append(' ');
                } else if (tag.startsWith("style") || tag.startsWith("script")) {
                    String close = "</" + (tag.startsWith("style") ? "style" : "script");
                    int j = indexOfIgnoreCase(html, close, end);
                    end = j < 0 ? n - 1 : html.indexOf('>', j) < 0 ? n - 1 : html.indexOf('>', j);
                }
                i = end + 1;
            } else if (c == '&') {
                int semi = -1;
                for (int j = i + 1; j < n && j <= i + 8; j++) {
                    if (html.charAt(j) == ';') {
                        semi = j;
                        break;
                    }
                }
                if (semi > i) {
                    String ent = html.substring(i + 1, semi);
                    String rep = switch (ent) {
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "amp" -> "&";
                        case "quot" -> "\"";
                        case "apos", "#39" -> "'";
                        case "nbsp" -> " ";
                        default -> null;
                    };
                    if (rep != null) {
                        out.append(rep);
                        i = semi + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        int m = what.length();
        for (int i = from; i + m <= s.length(); i++) {
            if (s.regionMatches(true, i, what, 0, m)) {
                return i;
            }
        }
        return -1;
    }
}
