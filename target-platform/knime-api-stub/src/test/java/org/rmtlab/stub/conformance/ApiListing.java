package org.rmtlab.stub.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Class blocks in the text format that {@code javap -protected} prints: a header line ending in
 * <code>{</code>, one member per line ending in {@code ;}, and a closing <code>}</code>. Lines outside
 * blocks (Markdown prose, {@code Compiled from} lines, code fences) are ignored, so the same parser
 * reads the facts file, the supplement and live javap output.
 *
 * <p>Lines are normalised so that formatting differences do not count as signature differences:
 * runs of white space become one space and the space after a comma is dropped (javap separates
 * implemented interfaces with "," but type arguments with ", ").
 */
final class ApiListing {

    /** One class: its header without the opening brace, and its member lines without the semicolon. */
    record ClassBlock(String name, String header, Set<String> members) {
        boolean isPublic() {
            return header.startsWith("public ");
        }
    }

    private static final Pattern NAME = Pattern.compile("\\b(?:class|interface) ([\\w.$]+)");

    private final Map<String, ClassBlock> classes = new LinkedHashMap<>();

    private ApiListing() {
    }

    static ApiListing parse(final String text, final String origin) {
        final ApiListing listing = new ApiListing();
        listing.add(text, origin);
        return listing;
    }

    /**
     * Adds the blocks of another text; a class listed twice must have the same header both times
     * and gets the union of its members.
     */
    void add(final String text, final String origin) {
        String header = null;
        Set<String> members = null;
        int lineNumber = 0;
        for (final String raw : text.split("\r?\n")) {
            lineNumber++;
            final String line = normalise(raw);
            if (header == null) {
                if (line.endsWith("{") && NAME.matcher(line).find()) {
                    header = line.substring(0, line.length() - 1).trim();
                    members = new LinkedHashSet<>();
                }
            } else if (line.equals("}")) {
                put(header, members, origin, lineNumber);
                header = null;
            } else if (line.endsWith(";")) {
                members.add(line.substring(0, line.length() - 1).trim());
            } else if (!line.isEmpty()) {
                throw new IllegalArgumentException(origin + " line " + lineNumber
                    + ": expected a member ending in ';' or '}', found: " + raw);
            }
        }
        if (header != null) {
            throw new IllegalArgumentException(origin + ": block not closed: " + header);
        }
    }

    private void put(final String header, final Set<String> members, final String origin, final int line) {
        final String name = className(header);
        final ClassBlock old = classes.get(name);
        if (old == null) {
            classes.put(name, new ClassBlock(name, header, members));
            return;
        }
        if (!old.header().equals(header)) {
            throw new IllegalArgumentException(origin + " line " + line + ": " + name
                + " is listed twice with different headers:\n  " + old.header() + "\n  " + header);
        }
        final Set<String> union = new LinkedHashSet<>(old.members());
        union.addAll(members);
        classes.put(name, new ClassBlock(name, header, union));
    }

    Map<String, ClassBlock> classes() {
        return Collections.unmodifiableMap(classes);
    }

    List<String> names() {
        return new ArrayList<>(classes.keySet());
    }

    static String className(final String header) {
        final Matcher m = NAME.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("not a class header: " + header);
        }
        return m.group(1);
    }

    static String normalise(final String line) {
        return line.trim().replaceAll("\\s+", " ").replace(", ", ",");
    }
}
