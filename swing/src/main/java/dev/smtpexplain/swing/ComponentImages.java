package dev.smtpexplain.swing;

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
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

/**
 * Renders a Swing component into an image, with or without a display: for screenshots and tests. The
 * component is laid out and painted on the event dispatch thread; only the file is written off it.
 */
public final class ComponentImages {

    private ComponentImages() {
    }

    /**
     * Lays the component out at its preferred size and paints it.
     *
     * @param c the component; it is resized to its preferred size
     * @return an RGB image of that size (at least 1×1), the component's background (white when it has none)
     *     under it
     * @throws IllegalStateException if called off the event dispatch thread
     */
    public static BufferedImage render(JComponent c) {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("Swing components are laid out and painted on the event dispatch thread");
        }
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

    /**
     * Renders the component on the event dispatch thread and writes a PNG. Callable from any thread: it
     * waits for the rendering.
     *
     * @param c the component
     * @param file the PNG file; replaced if it exists, its directories created
     * @throws IOException if the file cannot be written
     */
    public static void writePng(JComponent c, Path file) throws IOException {
        writePng(onEventThread(() -> render(c)), file);
    }

    /**
     * Writes an image as a PNG, creating the directories.
     *
     * @param image the image
     * @param file the PNG file; replaced if it exists
     * @throws IOException if the directories or the file cannot be written
     */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        if (file.getParent() != null) {
            java.nio.file.Files.createDirectories(file.getParent());
        }
        writePngTo(image, file);
    }

    /**
     * Writes an image as a PNG into an existing folder: no directory is made.
     *
     * @param image the image
     * @param file the PNG file; replaced if it exists
     * @throws IOException if the file cannot be written (its message says why: a directory, no permission, no folder)
     */
    public static void writePngTo(BufferedImage image, Path file) throws IOException {
        // opened here: ImageIO given a File it cannot open prints a stack trace itself and throws only "can't create
        // an ImageOutputStream!", hiding the reason (a directory, no permission)
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            ImageIO.write(image, "png", out);
        }
    }

    /**
     * Runs {@code work} on the event dispatch thread (directly when already on it) and waits for it.
     *
     * @param <T> the result's type
     * @param work the work; a runtime exception or error it throws is rethrown to the caller
     * @return what {@code work} returned
     * @throws IllegalStateException if the calling thread is interrupted while waiting
     */
    public static <T> T onEventThread(Supplier<T> work) {
        if (SwingUtilities.isEventDispatchThread()) {
            return work.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(work.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the event dispatch thread", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        return result.get();
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
