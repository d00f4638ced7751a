package org.knime.core.node.port;

import java.lang.reflect.Method;
import java.util.Objects;

import org.knime.core.node.util.CheckUtils;

/**
 * The kind of a port: the class of port object it carries and whether it may stay unconnected.
 * The spec class is the most specific return type of the port object class's {@code getSpec()}.
 */
public final class PortType {
    private final Class<? extends PortObject> objectClass;
    private final boolean optional;

    public PortType(final Class<? extends PortObject> objectClass, final boolean optional) {
        this.objectClass = CheckUtils.checkArgumentNotNull(objectClass, "a port type needs a port object class");
        this.optional = optional;
    }

    public PortType(final Class<? extends PortObject> objectClass) {
        this(objectClass, false);
    }

    /** The port object class's simple name without a trailing "PortObject". */
    public String getName() {
        final String simple = objectClass.getSimpleName();
        return simple.endsWith("PortObject") && simple.length() > "PortObject".length()
            ? simple.substring(0, simple.length() - "PortObject".length()) : simple;
    }

    public Class<? extends PortObject> getPortObjectClass() {
        return objectClass;
    }

    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        Class<? extends PortObjectSpec> best = PortObjectSpec.class;
        for (final Method m : objectClass.getMethods()) {
            if (m.getName().equals("getSpec") && m.getParameterCount() == 0
                && best.isAssignableFrom(m.getReturnType())) {
                best = m.getReturnType().asSubclass(PortObjectSpec.class);
            }
        }
        return best;
    }

    public boolean isOptional() {
        return optional;
    }

    /** Whether a port of this type accepts the spec; null (not known yet) is always accepted. */
    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null || getPortObjectSpecClass().isInstance(spec);
    }

    /** Whether a port of this type accepts the object; null only if the port is optional. */
    public boolean acceptsPortObject(final PortObject object) {
        return object == null ? optional : objectClass.isInstance(object);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof PortType other && objectClass == other.objectClass && optional == other.optional;
    }

    @Override
    public int hashCode() {
        return Objects.hash(objectClass, optional);
    }

    @Override
    public String toString() {
        return getName() + (optional ? " (optional)" : "");
    }
}
