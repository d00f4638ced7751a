package org.rmtlab.stub.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelLongBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

class SettingsModelsTest {
    private static final DataTableSpec SPEC =
        Tables.spec("a", DoubleCell.TYPE, "b", IntCell.TYPE, "s", StringCell.TYPE, "c", DoubleCell.TYPE);

    /** Saves, goes through XML, validates and loads into a fresh model, saves again: the same settings. */
    private static NodeSettings roundTrip(final SettingsModel model, final SettingsModel fresh)
        throws InvalidSettingsException, IOException {
        final NodeSettings saved = new NodeSettings("model");
        model.saveSettingsTo(saved);
        final NodeSettings read = SettingsXml.roundTrip(saved);
        fresh.validateSettings(read);
        fresh.loadSettingsFrom(read);
        final NodeSettings again = new NodeSettings("model");
        fresh.saveSettingsTo(again);
        assertEquals(saved, again);
        return saved;
    }

    @Test
    void scalarModelsRoundTrip() throws Exception {
        final SettingsModelDouble d = new SettingsModelDouble("d", 0.25);
        final SettingsModelDouble d2 = new SettingsModelDouble("d", 0);
        roundTrip(d, d2);
        assertEquals(0.25, d2.getDoubleValue(), 0.0);

        final SettingsModelIntegerBounded i = new SettingsModelIntegerBounded("i", 3, 1, 5);
        final SettingsModelIntegerBounded i2 = new SettingsModelIntegerBounded("i", 1, 1, 5);
        roundTrip(i, i2);
        assertEquals(3, i2.getIntValue());

        final SettingsModelLong l = new SettingsModelLong("l", 1L << 40);
        final SettingsModelLong l2 = new SettingsModelLong("l", 0);
        roundTrip(l, l2);
        assertEquals(1L << 40, l2.getLongValue());

        final SettingsModelString s = new SettingsModelString("s", null);
        final SettingsModelString s2 = new SettingsModelString("s", "x");
        roundTrip(s, s2);
        assertEquals(null, s2.getStringValue());

        final SettingsModelBoolean b = new SettingsModelBoolean("b", true);
        final SettingsModelBoolean b2 = new SettingsModelBoolean("b", false);
        final NodeSettings saved = roundTrip(b, b2);
        assertTrue(b2.getBooleanValue());
        assertEquals("SMID_boolean", saved.getNodeSettings("b_Internals").getString("SettingsModelID"));
        assertTrue(saved.getNodeSettings("b_Internals").getBoolean("EnabledStatus"));
    }

    @Test
    void boundsAreEnforced() throws Exception {
        final SettingsModelDoubleBounded d = new SettingsModelDoubleBounded("alpha", 0.5, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> d.setDoubleValue(1.5));
        assertThrows(IllegalArgumentException.class, () -> d.setDoubleValue(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new SettingsModelDoubleBounded("x", 2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SettingsModelLongBounded("x", 0, 1, 0));
        final NodeSettings s = new NodeSettings("model");
        s.addDouble("alpha", -0.1);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> d.validateSettings(s));
        assertTrue(e.getMessage().contains("alpha") && e.getMessage().contains("[0.0, 1.0]"), e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> d.loadSettingsFrom(s));
        assertEquals(0.5, d.getDoubleValue(), 0.0);
        assertThrows(InvalidSettingsException.class, () -> d.validateSettings(new NodeSettings("model")),
            "a missing value is invalid");
    }

    @Test
    void disabledModelsSkipValidationAndKeepTheirStatus() throws Exception {
        final SettingsModelInteger i = new SettingsModelInteger("i", 1);
        i.setEnabled(false);
        final NodeSettings s = new NodeSettings("model");
        i.saveSettingsTo(s);
        s.addString("i", "not an int");
        final SettingsModelInteger fresh = new SettingsModelInteger("i", 7);
        fresh.validateSettings(s);
        fresh.loadSettingsFrom(s);
        assertFalse(fresh.isEnabled());
        assertEquals(7, fresh.getIntValue());
    }

    @Test
    void settingsOfAnotherModelKindAreRefused() {
        final NodeSettings s = new NodeSettings("model");
        new SettingsModelLong("x", 1).saveSettingsTo(s);
        assertThrows(InvalidSettingsException.class, () -> new SettingsModelInteger("x", 1).validateSettings(s));
    }

    @Test
    void listenersHearValueChangesOnly() {
        final SettingsModelString s = new SettingsModelString("s", "a");
        final AtomicInteger heard = new AtomicInteger();
        s.addChangeListener(e -> heard.incrementAndGet());
        s.setStringValue("a");
        s.setStringValue("b");
        s.setEnabled(false);
        assertEquals(2, heard.get());
    }

    @Test
    void cloneWithValidatedValue() throws InvalidSettingsException {
        final NodeSettings s = new NodeSettings("model");
        new SettingsModelDouble("d", 4).saveSettingsTo(s);
        final SettingsModelDouble clone = new SettingsModelDouble("d", 0).createCloneWithValidatedValue(s);
        assertEquals(4, clone.getDoubleValue(), 0.0);
    }

    @Test
    void newColumnFilterIncludesAllAllowedColumns() {
        assertArrayEquals(new String[] {"a", "b", "s", "c"},
            new SettingsModelColumnFilter2("cols").applyTo(SPEC).getIncludes());
        final SettingsModelColumnFilter2 numeric = new SettingsModelColumnFilter2("cols", DoubleValue.class);
        final FilterResult r = numeric.applyTo(SPEC);
        assertArrayEquals(new String[] {"a", "b", "c"}, r.getIncludes());
        assertArrayEquals(new String[0], r.getExcludes(), "columns of other types are neither included nor excluded");
    }

    @Test
    void columnFilterFollowsItsListsAndEnforceOption() throws Exception {
        final NodeSettings s = new NodeSettings("model");
        final NodeSettings filter = (NodeSettings) s.addNodeSettings("cols");
        filter.addString("filter-type", "STANDARD");
        filter.addStringArray("included_names", "c", "gone");
        filter.addStringArray("excluded_names", "a");
        filter.addString("enforce_option", "EnforceExclusion");
        final SettingsModelColumnFilter2 m = new SettingsModelColumnFilter2("cols", DoubleValue.class);
        m.validateSettings(s);
        m.loadSettingsFrom(s);
        FilterResult r = m.applyTo(SPEC);
        assertArrayEquals(new String[] {"b", "c"}, r.getIncludes(), "b is new and exclusion is enforced");
        assertArrayEquals(new String[] {"a"}, r.getExcludes());
        assertArrayEquals(new String[] {"gone"}, r.getRemovedFromIncludes());

        filter.addString("enforce_option", "EnforceInclusion");
        m.loadSettingsFrom(s);
        r = m.applyTo(SPEC);
        assertArrayEquals(new String[] {"c"}, r.getIncludes(), "b is new and inclusion is enforced");
        assertArrayEquals(new String[] {"a", "b"}, r.getExcludes());
        roundTrip(m, new SettingsModelColumnFilter2("cols", DoubleValue.class));

        filter.addString("filter-type", "name_pattern");
        assertThrows(InvalidSettingsException.class, () -> m.validateSettings(s));
    }

    @Test
    void columnFilterDefaultsComeFromTheSpec() throws Exception {
        final SettingsModelColumnFilter2 m = new SettingsModelColumnFilter2("cols", DoubleValue.class);
        m.loadDefaults(SPEC);
        final NodeSettings saved = roundTrip(m, new SettingsModelColumnFilter2("cols", DoubleValue.class));
        assertArrayEquals(new String[] {"a", "b", "c"}, saved.getNodeSettings("cols").getStringArray("included_names"));
        assertEquals("EnforceExclusion", saved.getNodeSettings("cols").getString("enforce_option"));
    }
}
