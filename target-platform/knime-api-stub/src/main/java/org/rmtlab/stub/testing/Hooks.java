package org.rmtlab.stub.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.BooleanSupplier;
import java.util.function.ObjDoubleConsumer;

import org.knime.core.node.ExecutionContext;

/** Reflective access to the protected and package-private members the runtime drives. */
final class Hooks {

    private Hooks() {
    }

    static ExecutionContext newContext(final ObjDoubleConsumer<String> sink, final BooleanSupplier cancelRequested) {
        try {
            final Constructor<ExecutionContext> c =
                ExecutionContext.class.getDeclaredConstructor(ObjDoubleConsumer.class, BooleanSupplier.class);
            c.setAccessible(true);
            return c.newInstance(sink, cancelRequested);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The KNIME API stub lacks its test hook ExecutionContext(sink, cancel)", e);
        }
    }

    /**
     * Calls a method declared (with any access) by {@code declaring} on the target; static methods
     * take a null target. Exceptions thrown by the method itself propagate unchanged.
     */
    static Object call(final Object target, final Class<?> declaring, final String name, final Class<?>[] types,
        final Object... args) throws Exception {
        final Method m;
        try {
            m = declaring.getDeclaredMethod(name, types);
            m.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("The KNIME API stub lacks " + declaring.getSimpleName() + "." + name, e);
        }
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    /** Like {@link #call} for methods whose only checked exception is of the given type. */
    static <X extends Exception> Object callThrowing(final Class<X> allowed, final Object target,
        final Class<?> declaring, final String name, final Class<?>[] types, final Object... args) throws X {
        try {
            return call(target, declaring, name, types, args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (allowed.isInstance(e)) {
                throw allowed.cast(e);
            }
            throw new IllegalStateException(declaring.getSimpleName() + "." + name + " threw " + e, e);
        }
    }

    static Class<?>[] types(final Class<?>... types) {
        return types;
    }
}
