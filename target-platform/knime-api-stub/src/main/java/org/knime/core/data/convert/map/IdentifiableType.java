package org.knime.core.data.convert.map;

/** Marker for types that KNIME's type mapping framework can identify (members not part of this stub). */
public interface IdentifiableType {
}
