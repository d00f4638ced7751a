package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/**
 * Read access to a settings tree. The getters without a default throw when the key is absent or
 * holds a value of another type; those with a default return it in that case.
 */
public interface ConfigBaseRO extends Iterable<String> {

    ConfigBase getConfigBase(String key) throws InvalidSettingsException;

    void saveToXML(OutputStream out) throws IOException;

    String getKey();

    int getInt(String key) throws InvalidSettingsException;

    double getDouble(String key) throws InvalidSettingsException;

    long getLong(String key) throws InvalidSettingsException;

    String getString(String key) throws InvalidSettingsException;

    Set<String> keySet();

    boolean containsKey(String key);

    boolean getBoolean(String key) throws InvalidSettingsException;

    int getInt(String key, int def);

    int[] getIntArray(String key) throws InvalidSettingsException;

    int[] getIntArray(String key, int... def);

    double getDouble(String key, double def);

    double[] getDoubleArray(String key) throws InvalidSettingsException;

    double[] getDoubleArray(String key, double... def);

    long getLong(String key, long def);

    boolean getBoolean(String key, boolean def);

    String getString(String key, String def);

    String[] getStringArray(String key) throws InvalidSettingsException;

    String[] getStringArray(String key, String... def);
}
