package org.knime.core.node.defaultnodesettings;

/** A settings model whose value can be overwritten by a flow variable (the type accessor is not part of this stub). */
public interface SettingsModelFlowVariableCompatible {

    String getKey();
}
