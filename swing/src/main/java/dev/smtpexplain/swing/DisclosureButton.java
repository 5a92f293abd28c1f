package dev.smtpexplain.swing;

import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRelation;
import javax.accessibility.AccessibleState;
import javax.accessibility.AccessibleStateSet;
import javax.swing.JComponent;
import javax.swing.JToggleButton;

/**
 * The toggle that opens a collapsible section. To assistive technology it is expandable, expanded or collapsed, and
 * the controller of its section: a plain toggle button says only "pressed", not what it opens.
 */
final class DisclosureButton extends JToggleButton {

    private static final long serialVersionUID = 1L;

    DisclosureButton(String text, JComponent section) {
        super(text);
        getAccessibleContext().getAccessibleRelationSet().add(new AccessibleRelation(AccessibleRelation.CONTROLLER_FOR, section));
        section.getAccessibleContext().getAccessibleRelationSet().add(new AccessibleRelation(AccessibleRelation.CONTROLLED_BY, this));
        addItemListener(e -> getAccessibleContext().firePropertyChange(AccessibleContext.ACCESSIBLE_STATE_PROPERTY,
                isSelected() ? AccessibleState.COLLAPSED : AccessibleState.EXPANDED,
                isSelected() ? AccessibleState.EXPANDED : AccessibleState.COLLAPSED));
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJToggleButton() {
                private static final long serialVersionUID = 1L;

                @Override
                public AccessibleStateSet getAccessibleStateSet() {
                    AccessibleStateSet states = super.getAccessibleStateSet();
                    states.add(AccessibleState.EXPANDABLE);
                    states.add(isSelected() ? AccessibleState.EXPANDED : AccessibleState.COLLAPSED);
                    return states;
                }
            };
        }
        return accessibleContext;
    }
}
