package dev.smtpexplain.swing;

import java.awt.Rectangle;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.swing.AbstractButton;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

/** The dialog's buttons from the keyboard: Enter on the focused one, Alt and a letter of its label, and focus in view. */
final class Keys {

    private Keys() {
    }

    /**
     * Enter presses the focused button, as Space does. Without it the root pane's Enter presses the default button:
     * Enter on "Copy details" closed the dialog without copying.
     */
    static void enterPresses(AbstractButton b) {
        InputMap in = b.getInputMap(JComponent.WHEN_FOCUSED);
        // the look and feel's own actions, the ones Space is bound to
        in.put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0, false), "pressed");
        in.put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0, true), "released");
    }

    /**
     * Gives the button a mnemonic from its own label: the first letter A to Z that starts a word, else any, that
     * none of {@code others} has. A label with no such letter (Gujarati, Arabic, Japanese) gets none: an English
     * letter would be a key the reader cannot see on the button.
     */
    static void mnemonic(AbstractButton b, AbstractButton... others) {
        Set<Integer> taken = Arrays.stream(others).map(AbstractButton::getMnemonic).collect(Collectors.toSet());
        String label = b.getText();
        int at = letter(label, taken, true);
        at = at >= 0 ? at : letter(label, taken, false);
        if (at >= 0) {
            b.setMnemonic(Character.toUpperCase(label.charAt(at))); // VK_A to VK_Z are 'A' to 'Z'
            b.setDisplayedMnemonicIndex(at);
        }
    }

    private static int letter(String label, Set<Integer> taken, boolean wordStart) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ascii = c < 128 && Character.isLetter(c);
            boolean starts = i == 0 || !Character.isLetter(label.charAt(i - 1));
            if (ascii && (starts || !wordStart) && !taken.contains((int) Character.toUpperCase(c))) {
                return i;
            }
        }
        return -1;
    }

    /** Scrolls the control into view when it gets focus: Tab reached buttons below the scroll pane's view, unseen. */
    static void scrollsIntoViewOnFocus(JComponent c) {
        c.addFocusListener(new FocusAdapter() {
            @Override
            public void focusGained(FocusEvent e) {
                c.scrollRectToVisible(new Rectangle(0, 0, c.getWidth(), c.getHeight()));
            }
        });
    }
}
