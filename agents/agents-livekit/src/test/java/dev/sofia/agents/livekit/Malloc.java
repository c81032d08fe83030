package dev.sofia.agents.livekit;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * glibc's own account of its heap ({@code mallinfo2}) and {@code malloc_trim}, for telling a leak
 * (bytes in use grow) from memory glibc keeps after it was freed (resident memory grows, bytes in
 * use do not). Called through the foreign function API by reflection: the module compiles for Java
 * 21, where that API is a preview; on 22+ (the tests run on 25) it is final. Unavailable on other C
 * libraries; with another allocator preloaded the numbers are glibc's idle heap (near 0).
 */
final class Malloc {

    /** glibc's heap: bytes allocated and not freed, and bytes obtained from the system (KiB). */
    record Stats(boolean available, long inUseKib, long heldKib) {
        @Override
        public String toString() {
            return available
                    ? String.format("malloc in use %d KiB, held %d KiB", inUseKib, heldKib)
                    : "malloc statistics unavailable";
        }
    }

    private static final @Nullable Native NATIVE = Native.load();

    private Malloc() {}

    static Stats stats() {
        Native n = NATIVE;
        if (n == null) {
            return new Stats(false, -1, -1);
        }
        try {
            Object arena = n.ofConfined.invoke(null);
            try {
                // struct mallinfo2: arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks,
                // uordblks, fordblks, keepcost (all size_t)
                Object info = n.mallinfo2.invokeWithArguments(arena);
                long arenaBytes = (long) n.getLong.invoke(info, n.javaLong, 0L);
                long mmapped = (long) n.getLong.invoke(info, n.javaLong, 4L * 8);
                long used = (long) n.getLong.invoke(info, n.javaLong, 7L * 8);
                return new Stats(true, (used + mmapped) >> 10, (arenaBytes + mmapped) >> 10);
            } finally {
                ((AutoCloseable) arena).close();
            }
        } catch (Throwable e) {
            return new Stats(false, -1, -1);
        }
    }

    /** Gives the free pages of every arena back to the system; false if unavailable. */
    static boolean trim() {
        Native n = NATIVE;
        if (n == null) {
            return false;
        }
        try {
            n.mallocTrim.invokeWithArguments(0L);
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    private record Native(
            MethodHandle mallinfo2, MethodHandle mallocTrim, Method ofConfined, Method getLong, Object javaLong) {

        static @Nullable Native load() {
            try {
                Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
                Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
                Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
                Class<?> valueLayoutClass = Class.forName("java.lang.foreign.ValueLayout");
                Class<?> ofLongClass = Class.forName("java.lang.foreign.ValueLayout$OfLong");
                Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
                Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
                Class<?> lookupClass = Class.forName("java.lang.foreign.SymbolLookup");
                Class<?> arenaClass = Class.forName("java.lang.foreign.Arena");

                Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
                Object lookup = linkerClass.getMethod("defaultLookup").invoke(linker);
                Method find = lookupClass.getMethod("find", String.class);
                Object javaLong = valueLayoutClass.getField("JAVA_LONG").get(null);
                Object javaInt = valueLayoutClass.getField("JAVA_INT").get(null);
                Object fields = Array.newInstance(layoutClass, 10);
                for (int i = 0; i < 10; i++) {
                    Array.set(fields, i, javaLong);
                }
                Object struct =
                        layoutClass.getMethod("structLayout", fields.getClass()).invoke(null, fields);
                Object noArgs = Array.newInstance(layoutClass, 0);
                Object longArg = Array.newInstance(layoutClass, 1);
                Array.set(longArg, 0, javaLong);
                Method of = descriptorClass.getMethod("of", layoutClass, noArgs.getClass());
                Method downcall =
                        linkerClass.getMethod("downcallHandle", segmentClass, descriptorClass, optionClass.arrayType());
                Object noOptions = Array.newInstance(optionClass, 0);

                Optional<?> mallinfo2 = (Optional<?>) find.invoke(lookup, "mallinfo2");
                Optional<?> mallocTrim = (Optional<?>) find.invoke(lookup, "malloc_trim");
                if (mallinfo2.isEmpty() || mallocTrim.isEmpty()) {
                    return null;
                }
                MethodHandle info = (MethodHandle)
                        downcall.invoke(linker, mallinfo2.get(), of.invoke(null, struct, noArgs), noOptions);
                MethodHandle trim = (MethodHandle)
                        downcall.invoke(linker, mallocTrim.get(), of.invoke(null, javaInt, longArg), noOptions);
                return new Native(
                        info,
                        trim,
                        arenaClass.getMethod("ofConfined"),
                        segmentClass.getMethod("get", ofLongClass, long.class),
                        javaLong);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null; // before Java 22 (a preview there), or not glibc
            }
        }
    }
}
