package dev.smtpexplain.examples.swing;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JComponent;

/** Renders a Swing component into an image, with or without a display: for screenshots and tests. */
public final class ComponentImages {

    private ComponentImages() {
    }

    /** Lays the component out at its preferred size and paints it. */
    public static BufferedImage render(JComponent c) {
        Dimension d = c.getPreferredSize();
        c.setSize(d);
        layout(c);
        BufferedImage img = new BufferedImage(Math.max(1, d.width), Math.max(1, d.height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(c.getBackground() == null ? Color.WHITE : c.getBackground());
            g.fillRect(0, 0, d.width, d.height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            c.printAll(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Renders and writes a PNG. */
    public static void writePng(JComponent c, Path file) throws IOException {
        if (file.getParent() != null) {
            java.nio.file.Files.createDirectories(file.getParent());
        }
        ImageIO.write(render(c), "png", file.toFile());
    }

    private static void layout(Component c) {
        c.doLayout();
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                layout(child);
            }
        }
    }
}
