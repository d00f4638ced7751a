package org.knime.core.node.config.base;

import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;

import javax.swing.tree.TreeNode;

import org.knime.core.node.util.CheckUtils;

/**
 * A named node of a settings tree: either a typed leaf value or a {@link ConfigBase} holding
 * further entries. Two entries are equal when they are of the same class, have the same key and
 * hold identical values.
 */
public abstract class AbstractConfigEntry implements Serializable, TreeNode {
    private static final long serialVersionUID = 1L;

    private final String key;
    private AbstractConfigEntry parent;

    AbstractConfigEntry(final String key) {
        this.key = CheckUtils.checkArgumentNotNull(key, "a settings key must not be null");
    }

    public final String getKey() {
        return key;
    }

    public final void setParent(final AbstractConfigEntry parent) {
        this.parent = parent;
    }

    /** The value as the string it is stored as. */
    public abstract String toStringValue();

    /** Whether the other entry holds the same value (keys are not compared). */
    abstract boolean hasIdenticalValue(AbstractConfigEntry other);

    /** Hash of the value, consistent with {@link #hasIdenticalValue}. */
    abstract int valueHash();

    @Override
    public String toString() {
        return key + "=" + toStringValue();
    }

    @Override
    public boolean equals(final Object obj) {
        return obj != null && obj.getClass() == getClass() && key.equals(((AbstractConfigEntry) obj).key)
            && hasIdenticalValue((AbstractConfigEntry) obj);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + valueHash();
    }

    @Override
    public TreeNode getChildAt(final int index) {
        throw new IndexOutOfBoundsException("the settings value \"" + key + "\" has no children");
    }

    @Override
    public int getChildCount() {
        return 0;
    }

    @Override
    public final TreeNode getParent() {
        return parent;
    }

    @Override
    public int getIndex(final TreeNode node) {
        return -1;
    }

    @Override
    public final boolean getAllowsChildren() {
        return !isLeaf();
    }

    @Override
    public boolean isLeaf() {
        return true;
    }

    @Override
    public Enumeration<TreeNode> children() {
        return Collections.emptyEnumeration();
    }

    /** Path from the root, for error messages: "settings.xml/model/alpha". */
    final String path() {
        return parent == null ? key : parent.path() + "/" + key;
    }
}
