package org.rmtlab.knime.osgi;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a compiled class links against, read from its class file (JVMS 17, chapter 4): the
 * entries of the constant pool that name a class, plus every type in the descriptors of its fields,
 * methods, member references, method types and call sites. These are the classes the JVM may load
 * through the class's loader when the class is linked or run, so their packages are what the
 * bundle's MANIFEST must make visible. Generic signatures and annotations are left out: they are
 * loaded only by reflection.
 */
final class ClassReferences {
    private static final int MAGIC = 0xCAFEBABE;
    /** An object type inside a descriptor: {@code Lpkg/Name;}. */
    private static final Pattern OBJECT_TYPE = Pattern.compile("L([^;]+);");

    private ClassReferences() {
    }

    /** Binary names (dots, {@code $} for nested classes) of the classes referenced by the class file. */
    static Set<String> of(final InputStream classFile) throws IOException {
        final DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        final int count = in.readUnsignedShort();
        final String[] utf8 = new String[count];
        final List<Integer> classNames = new ArrayList<>();
        final List<Integer> descriptors = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            final int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF(); // class files use the same modified UTF-8 as DataInput
                case 7 -> classNames.add(in.readUnsignedShort());
                case 12 -> {
                    in.readUnsignedShort(); // name
                    descriptors.add(in.readUnsignedShort());
                }
                case 16 -> descriptors.add(in.readUnsignedShort()); // MethodType
                case 8, 19, 20 -> in.readUnsignedShort(); // String, Module, Package
                case 15 -> skip(in, 3); // MethodHandle: kind, reference
                case 3, 4, 9, 10, 11, 17, 18 -> skip(in, 4); // Integer, Float, member refs, (Invoke)Dynamic
                case 5, 6 -> { // Long, Double take two slots
                    skip(in, 8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        skip(in, 6); // access flags, this class, super class (both already in the pool)
        skip(in, 2 * in.readUnsignedShort()); // interfaces (in the pool)
        for (int members = 0; members < 2; members++) { // fields, then methods
            final int n = in.readUnsignedShort();
            for (int m = 0; m < n; m++) {
                skip(in, 4); // access flags, name
                descriptors.add(in.readUnsignedShort());
                final int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    in.readUnsignedShort();
                    skip(in, in.readInt());
                }
            }
        }
        final Set<String> names = new TreeSet<>();
        for (final int index : classNames) {
            final String name = utf8[index];
            if (name.startsWith("[")) {
                addObjectTypes(name, names);
            } else {
                names.add(name.replace('/', '.'));
            }
        }
        for (final int index : descriptors) {
            addObjectTypes(utf8[index], names);
        }
        return names;
    }

    /** The package of a binary class name; "" for the unnamed package. */
    static String packageOf(final String className) {
        final int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static void addObjectTypes(final String descriptor, final Set<String> names) {
        final Matcher m = OBJECT_TYPE.matcher(descriptor);
        while (m.find()) {
            names.add(m.group(1).replace('/', '.'));
        }
    }

    private static void skip(final DataInputStream in, final int bytes) throws IOException {
        in.skipNBytes(bytes);
    }
}
