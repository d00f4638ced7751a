package org.knime.core.node.util.filter;

import java.util.List;

/**
 * Include/exclude filter over names. In this stub only the {@link FilterResult} is available;
 * the filtering itself lives in {@code SettingsModelColumnFilter2}.
 */
public class NameFilterConfiguration implements Cloneable {

    private NameFilterConfiguration() {
    }

    /** The outcome of applying a filter to a list of names, each list in the order of the input. */
    public static class FilterResult {
        private final String[] includes;
        private final String[] excludes;
        private final String[] removedFromIncludes;
        private final String[] removedFromExcludes;

        /**
         * @param includes names that pass the filter
         * @param excludes names that do not pass
         * @param removedFromIncludes names the filter includes explicitly that were not among the input
         * @param removedFromExcludes names the filter excludes explicitly that were not among the input
         */
        public FilterResult(final List<String> includes, final List<String> excludes,
            final List<String> removedFromIncludes, final List<String> removedFromExcludes) {
            this.includes = includes.toArray(new String[0]);
            this.excludes = excludes.toArray(new String[0]);
            this.removedFromIncludes = removedFromIncludes.toArray(new String[0]);
            this.removedFromExcludes = removedFromExcludes.toArray(new String[0]);
        }

        public String[] getRemovedFromIncludes() {
            return removedFromIncludes.clone();
        }

        public String[] getRemovedFromExcludes() {
            return removedFromExcludes.clone();
        }

        public String[] getIncludes() {
            return includes.clone();
        }

        public String[] getExcludes() {
            return excludes.clone();
        }
    }
}
