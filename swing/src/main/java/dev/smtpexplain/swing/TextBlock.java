package dev.smtpexplain.swing;

import com.ibm.icu.text.BreakIterator;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.accessibility.Accessible;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

/**
 * A read-only block of plain text that wraps only where the language allows a line break (ICU's line
 * break rules for the text's locale), so an Indic conjunct or a word is never split, and lays out each
 * line with {@link TextLayout} (shaping, bidi). A word wider than the whole block, such as a long
 * address, is the only thing broken inside, and then between grapheme clusters.
 *
 * <p>{@code JTextArea}'s word wrap breaks inside Gujarati and Devanagari clusters and drops the rest of
 * the line; this component is what the dialog uses instead. Nothing is interpreted as markup.
 *
 * <p>It is {@link Accessible}, a label named by its text: a container's accessibility tree holds only the children
 * that implement the interface, and a screen reader would otherwise hear none of the dialog's text.
 */
final class TextBlock extends JComponent implements Accessible {

    private static final long serialVersionUID = 1L;
    /** Fractional metrics and anti-aliasing: measured widths match painted widths on every display. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /** One laid-out line: the text range {@code [start, end)} (trailing spaces included) and its layout. */
    record Line(int start, int end, TextLayout layout) {
    }

    private final String text;
    private final Locale locale;
    private final boolean rightToLeft;
    // the widest the lines are wrapped to, and the width they are wrapped to now: narrower when the block is given
    // less room (a dialog on a small screen), so that no line runs past its right edge
    private final int wrapWidth;
    private int wrappedTo;
    private final transient Fonts.Styled styled;
    private transient List<Line> lines;
    private int height;

    TextBlock(String text, Font font, Locale locale, boolean rightToLeft, int wrapWidth) {
        this.text = text;
        this.locale = locale;
        this.rightToLeft = rightToLeft;
        this.wrapWidth = wrapWidth;
        this.wrappedTo = wrapWidth;
        this.styled = Fonts.styled(text, font, locale);
        setFont(styled.primary());
        setOpaque(false);
        setFocusable(false);
        setBorder(BorderFactory.createEmptyBorder(1, 0, 1, 0));
        setAlignmentX(LEFT_ALIGNMENT);
        layoutLines();
        setMaximumSize(new Dimension(Short.MAX_VALUE, getPreferredSize().height));
    }

    /** Wraps the lines again when the block gets less room than its widest wrap, or its room back. */
    @Override
    public void setBounds(int x, int y, int width, int h) {
        super.setBounds(x, y, width, h);
        Insets in = getInsets();
        int room = Math.max(MIN_WRAP, Math.min(wrapWidth, width - in.left - in.right));
        if (width > 0 && room != wrappedTo) {
            wrappedTo = room;
            layoutLines();
            setMaximumSize(new Dimension(Short.MAX_VALUE, getPreferredSize().height));
            // the new height: the container lays out again, with the same width. Not now: this runs inside the
            // container's layout, which marks the tree valid when it ends, so an invalidation now would be lost
            SwingUtilities.invokeLater(this::revalidate);
        }
    }

    // narrower than this, lines are not wrapped again: a word or two a line says nothing more
    private static final int MIN_WRAP = 120;

    /** The text shown, unchanged. */
    String text() {
        return text;
    }

    /** The laid-out lines, in order; together they hold every character of the text except the newlines. */
    List<Line> lines() {
        return lines;
    }

    /** The locale whose line break rules apply. */
    Locale locale() {
        return locale;
    }

    /** The width lines are wrapped to now: the block's widest wrap, or less when it has less room. */
    int wrapWidth() {
        return wrappedTo;
    }

    /** Whether some letters have no glyph in any installed font (they show as boxes). */
    boolean lacksGlyphs() {
        return styled.lacksGlyphs();
    }

    /** The fonts the text is drawn with. */
    List<Font> fonts() {
        return styled.fonts();
    }

    private void layoutLines() {
        List<Line> out = new ArrayList<>();
        height = 0;
        int paragraphStart = 0;
        while (paragraphStart <= text.length()) {
            int nl = text.indexOf('\n', paragraphStart);
            int paragraphEnd = nl < 0 ? text.length() : nl;
            wrapParagraph(paragraphStart, paragraphEnd, out);
            if (nl < 0) {
                break;
            }
            paragraphStart = nl + 1;
        }
        lines = List.copyOf(out);
    }

    /** Greedy wrapping: each line takes as many break-separated segments as fit. */
    private void wrapParagraph(int from, int to, List<Line> out) {
        if (from == to) {
            emit(from, to, out);
            return;
        }
        BreakIterator breaks = BreakIterator.getLineInstance(locale);
        breaks.setText(text.substring(from, to));
        int lineStart = from;
        int lastFit = -1;
        for (int b = breaks.following(0); b != BreakIterator.DONE; ) {
            int end = from + b;
            if (visibleWidth(lineStart, end) <= wrappedTo) {
                lastFit = end;
                b = breaks.next();
                continue;
            }
            if (lastFit > lineStart) {
                emit(lineStart, lastFit, out);
                lineStart = lastFit;
                lastFit = -1;
                continue; // the same segment starts the next line
            }
            // one segment wider than the block: break it between grapheme clusters
            lineStart = splitLongSegment(lineStart, end, out);
            lastFit = -1;
            if (lineStart == end) {
                b = breaks.next();
            }
        }
        if (lineStart < to) {
            emit(lineStart, to, out);
        }
    }

    /** Emits full-width lines of {@code [start, end)} broken between grapheme clusters; returns where the rest starts. */
    private int splitLongSegment(int start, int end, List<Line> out) {
        BreakIterator clusters = BreakIterator.getCharacterInstance(locale);
        clusters.setText(text.substring(start, end));
        int lineStart = start;
        int lastFit = -1;
        for (int c = clusters.following(0); c != BreakIterator.DONE; c = clusters.next()) {
            int at = start + c;
            if (visibleWidth(lineStart, at) <= wrappedTo) {
                lastFit = at;
            } else if (lastFit > lineStart) {
                emit(lineStart, lastFit, out);
                lineStart = lastFit;
                lastFit = visibleWidth(lineStart, at) <= wrappedTo ? at : -1;
            } else {
                // a single cluster wider than the block: it gets its own line
                emit(lineStart, at, out);
                lineStart = at;
                lastFit = -1;
            }
        }
        return lineStart;
    }

    private void emit(int start, int end, List<Line> out) {
        int visibleEnd = trimEnd(start, end);
        TextLayout layout = visibleEnd > start ? layout(start, visibleEnd) : null;
        out.add(new Line(start, end, layout));
        height += lineHeight(layout != null ? layout : new TextLayout(" ", getFont(), FRC));
    }

    private static int lineHeight(TextLayout l) {
        return (int) Math.ceil(l.getAscent() + l.getDescent() + l.getLeading());
    }

    private float visibleWidth(int start, int end) {
        int visibleEnd = trimEnd(start, end);
        return visibleEnd > start ? layout(start, visibleEnd).getVisibleAdvance() : 0f;
    }

    private int trimEnd(int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private TextLayout layout(int start, int end) {
        AttributedString as = new AttributedString(text.substring(start, end));
        as.addAttribute(TextAttribute.RUN_DIRECTION, rightToLeft ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
        for (Fonts.Run r : styled.runs()) {
            int s = Math.max(r.start(), start);
            int e = Math.min(r.end(), end);
            if (s < e) {
                as.addAttribute(TextAttribute.FONT, r.font(), s - start, e - start);
            }
        }
        return new TextLayout(as.getIterator(), FRC);
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        Insets in = getInsets();
        return new Dimension(wrapWidth + in.left + in.right, height + in.top + in.bottom);
    }

    @Override
    public Dimension getMinimumSize() {
        return getPreferredSize();
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            Color fg = getForeground();
            g2.setColor(fg == null ? Color.BLACK : fg);
            Insets in = getInsets();
            float y = in.top;
            for (Line l : lines) {
                TextLayout layout = l.layout() != null ? l.layout() : new TextLayout(" ", getFont(), FRC);
                y += layout.getAscent();
                if (l.layout() != null) {
                    float x = rightToLeft ? getWidth() - in.right - layout.getVisibleAdvance() : in.left;
                    layout.draw(g2, x, y);
                }
                y += layout.getDescent() + layout.getLeading();
                y = (float) Math.ceil(y);
            }
        } finally {
            g2.dispose();
        }
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                private static final long serialVersionUID = 1L;

                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.LABEL;
                }

                @Override
                public String getAccessibleName() {
                    return text;
                }
            };
        }
        return accessibleContext;
    }
}
