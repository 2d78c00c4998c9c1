package io.github.drawnet.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists the public API of some packages of compiled classes, one line per type and per public or protected
 * member, so that a change of the API is a change of a text file that a review sees.
 *
 * <p>A line is a key, two spaces and a declaration. The key names the type or member the way a caller does
 * ({@code pkg.Type}, {@code pkg.Type#FIELD}, {@code pkg.Type#method(param types)}, {@code
 * pkg.Type#<init>(param types)}, binary names with {@code $} for nested types); the declaration says the rest
 * (modifiers, kind, type parameters with their bounds, record components in order, supertypes, sealed
 * permits, return and field types with their generic arguments, {@code default}, {@code throws}, and the
 * value of a {@code static final} primitive or string field, which callers' class files copy). Lines are
 * sorted by key, a type's own line before its members; the order does not depend on the order reflection
 * returns members in.
 *
 * <p>Left out, as no caller can name them: synthetic and bridge members (lambdas, accessors), anonymous and
 * local classes, private and package-private members and types, and what a record or an enum declares
 * implicitly (a record's canonical constructor and accessors, which its components say, its {@code equals},
 * {@code hashCode} and {@code toString}; an enum's {@code values} and {@code valueOf}). Modifiers that a
 * kind implies are not written ({@code abstract} on an interface, {@code final} on a record or on a method
 * of a final class, {@code static} on a nested interface, record or enum). Only the packages named are
 * listed, not their subpackages.
 *
 * <p>Not thread-safe to call while the classes' files change; otherwise stateless.
 */
public final class ApiListing {

    /** The separator between a line's key and its declaration. */
    public static final String SEPARATOR = "  ";

    /** Sorts lines by key, then by text: a type's own line (its key is a prefix) comes before its members. */
    public static final Comparator<String> ORDER = Comparator.comparing(ApiListing::key).thenComparing(s -> s);

    private ApiListing() {
    }

    /**
     * Returns the sorted listing of the public API of {@code packages}, read from the class files under {@code
     * classes} and loaded (not initialised, unless a constant's value is read) through {@code loader}.
     *
     * @throws UncheckedIOException if a package's folder cannot be listed
     * @throws IllegalArgumentException if a package has no class files under {@code classes}
     */
    public static List<String> of(Path classes, ClassLoader loader, Collection<String> packages) {
        List<String> lines = new ArrayList<>();
        for (String pkg : packages.stream().sorted().collect(Collectors.toList())) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("no classes of package " + pkg + " under " + classes);
            }
            List<String> names;
            try (Stream<Path> files = Files.list(dir)) {
                names = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                        .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()))
                        .sorted().collect(Collectors.toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
            for (String name : names) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name + " from " + classes + ": " + e, e);
                }
                if (exported(type)) {
                    list(type, lines);
                }
            }
        }
        lines.sort(ORDER);
        return lines;
    }

    /** Returns a line's key: the text before the first {@link #SEPARATOR}. */
    public static String key(String line) {
        int at = line.indexOf(SEPARATOR);
        return at < 0 ? line : line.substring(0, at);
    }

    private static boolean exported(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        int m = type.getModifiers();
        Class<?> outer = type.getDeclaringClass();
        if (outer == null) {
            return Modifier.isPublic(m);
        }
        return (Modifier.isPublic(m) || Modifier.isProtected(m)) && exported(outer);
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void list(Class<?> type, List<String> lines) {
        String name = type.getName();
        lines.add(name + SEPARATOR + declaration(type));
        boolean finalType = Modifier.isFinal(type.getModifiers()) || type.isRecord() || type.isEnum();
        Set<String> components = type.isRecord()
                ? Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet())
                : Set.of();

        for (Field f : type.getDeclaredFields()) {
            if (f.isSynthetic() || !visible(f.getModifiers())) {
                continue;
            }
            String key = name + "#" + f.getName();
            if (f.isEnumConstant()) {
                lines.add(key + SEPARATOR + "enum constant");
                continue;
            }
            lines.add(key + SEPARATOR + join(modifiers(f.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED
                    | Modifier.STATIC | Modifier.FINAL | Modifier.VOLATILE | Modifier.TRANSIENT)),
                    type(f.getGenericType())) + constant(f));
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.isSynthetic() || !visible(c.getModifiers()) || canonical(type, c)) {
                continue;
            }
            lines.add(name + "#<init>(" + parameters(c) + ")" + SEPARATOR
                    + join(modifiers(c.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)),
                            typeParameters(c.getTypeParameters()), exceptions(c)));
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.isSynthetic() || m.isBridge() || !visible(m.getModifiers()) || implicit(type, m, components)) {
                continue;
            }
            int mask = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.ABSTRACT
                    | (finalType ? 0 : Modifier.FINAL);
            String mods = modifiers(m.getModifiers() & mask);
            lines.add(name + "#" + m.getName() + "(" + parameters(m) + ")" + SEPARATOR
                    + join(mods, m.isDefault() ? "default" : "", typeParameters(m.getTypeParameters()),
                            type(m.getGenericReturnType()), exceptions(m)));
        }
    }

    private static String declaration(Class<?> type) {
        int m = type.getModifiers();
        String kind;
        int mask = Modifier.PUBLIC | Modifier.PROTECTED;
        if (type.isAnnotation()) {
            kind = "@interface";
        } else if (type.isInterface()) {
            kind = "interface";
        } else if (type.isEnum()) {
            kind = "enum";
        } else if (type.isRecord()) {
            kind = "record";
        } else {
            kind = "class";
            mask |= Modifier.ABSTRACT | Modifier.STATIC | Modifier.FINAL;
        }
        String sealing = "";
        if (!type.isEnum() && type.isSealed()) {
            sealing = "sealed";
        } else if (!type.isEnum() && !type.isRecord() && !Modifier.isFinal(m) && directSupertypes(type).anyMatch(Class::isSealed)) {
            sealing = "non-sealed";
        }
        StringBuilder d = new StringBuilder(join(deprecated(type), modifiers(m & mask), sealing, kind));
        d.append(' ').append(type.getSimpleName()).append(typeParameters(type.getTypeParameters()));
        if (type.isRecord()) {
            StringJoiner parts = new StringJoiner(", ", "(", ")");
            for (RecordComponent c : type.getRecordComponents()) {
                parts.add(type(c.getGenericType()) + " " + c.getName());
            }
            d.append(parts);
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && superclass != Record.class
                && !(type.isEnum() && raw(superclass) == Enum.class)) {
            d.append(" extends ").append(type(superclass));
        }
        List<String> interfaces = Arrays.stream(type.getGenericInterfaces()).map(ApiListing::type)
                .filter(t -> !type.isAnnotation() || !t.equals("java.lang.annotation.Annotation"))
                .sorted().collect(Collectors.toList());
        if (!interfaces.isEmpty()) {
            d.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        if (sealing.equals("sealed")) {
            d.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getName)
                    .sorted().collect(Collectors.joining(", ")));
        }
        return d.toString();
    }

    private static Stream<Class<?>> directSupertypes(Class<?> type) {
        Stream<Class<?>> interfaces = Arrays.stream(type.getInterfaces());
        return type.getSuperclass() == null ? interfaces : Stream.concat(Stream.of(type.getSuperclass()), interfaces);
    }

    private static String deprecated(Class<?> type) {
        return type.isAnnotationPresent(Deprecated.class) ? "@Deprecated" : "";
    }

    /** A record's canonical constructor: its components already say it. */
    private static boolean canonical(Class<?> type, Constructor<?> c) {
        return type.isRecord() && Arrays.equals(c.getParameterTypes(),
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
    }

    /** What a record or an enum has whether or not its source declares it. */
    private static boolean implicit(Class<?> type, Method m, Set<String> components) {
        int n = m.getParameterCount();
        if (type.isRecord()) {
            return (n == 0 && (components.contains(m.getName()) || m.getName().equals("hashCode")
                    || m.getName().equals("toString")))
                    || (n == 1 && m.getName().equals("equals") && m.getParameterTypes()[0] == Object.class);
        }
        if (type.isEnum() && Modifier.isStatic(m.getModifiers())) {
            return (n == 0 && m.getName().equals("values"))
                    || (n == 1 && m.getName().equals("valueOf") && m.getParameterTypes()[0] == String.class);
        }
        return false;
    }

    private static String parameters(Executable e) {
        Type[] generic = e.getGenericParameterTypes();
        // an inner class's constructor: the generic signature leaves out the outer instance, the erased one has it
        Type[] types = generic.length == e.getParameterCount() ? generic : e.getParameterTypes();
        StringJoiner p = new StringJoiner(", ");
        for (int i = 0; i < types.length; i++) {
            String t = type(types[i]);
            if (e.isVarArgs() && i == types.length - 1 && t.endsWith("[]")) {
                t = t.substring(0, t.length() - 2) + "...";
            }
            p.add(t);
        }
        return p.toString();
    }

    private static String exceptions(Executable e) {
        Type[] thrown = e.getGenericExceptionTypes();
        if (thrown.length == 0) {
            return "";
        }
        return "throws " + Arrays.stream(thrown).map(ApiListing::type).sorted().collect(Collectors.joining(", "));
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        StringJoiner j = new StringJoiner(", ", "<", ">");
        for (TypeVariable<?> v : variables) {
            Type[] bounds = v.getBounds();
            if (bounds.length == 1 && bounds[0] == Object.class) {
                j.add(v.getName());
            } else {
                j.add(v.getName() + " extends "
                        + Arrays.stream(bounds).map(ApiListing::type).collect(Collectors.joining(" & ")));
            }
        }
        return j.toString();
    }

    /** Writes a type with its generic arguments; classes by binary name ({@code Outer$Inner}), arrays as {@code []}. */
    static String type(Type t) {
        if (t instanceof Class<?> c) {
            return c.isArray() ? type(c.getComponentType()) + "[]" : c.getName();
        }
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            String head = p.getOwnerType() instanceof ParameterizedType owner
                    ? type(owner) + "$" + raw.getSimpleName()
                    : raw.getName();
            return head + Arrays.stream(p.getActualTypeArguments()).map(ApiListing::type)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        if (t instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + type(w.getLowerBounds()[0]);
            }
            Type[] upper = w.getUpperBounds();
            return upper.length == 0 || upper[0] == Object.class ? "?" : "? extends " + type(upper[0]);
        }
        if (t instanceof GenericArrayType a) {
            return type(a.getGenericComponentType()) + "[]";
        }
        if (t instanceof TypeVariable<?> v) {
            return v.getName();
        }
        throw new IllegalArgumentException("unknown kind of type: " + t);
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : t instanceof Class<?> c ? c : null;
    }

    /** The value of a {@code static final} primitive or string field: callers compile it into their own classes. */
    private static String constant(Field f) {
        int m = f.getModifiers();
        Class<?> t = f.getType();
        if (!Modifier.isStatic(m) || !Modifier.isFinal(m) || !(t.isPrimitive() || t == String.class)) {
            return "";
        }
        Object value;
        try {
            f.setAccessible(true);
            value = f.get(null); // initialises the class: its static initialiser runs
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot read the value of " + f + ": " + e, e);
        }
        if (value instanceof String s) {
            return " = " + quote(s, '"');
        }
        if (value instanceof Character c) {
            return " = " + quote(String.valueOf(c), '\'');
        }
        if (value instanceof Long) {
            return " = " + value + "L";
        }
        if (value instanceof Float) {
            return " = " + value + "f";
        }
        return " = " + value;
    }

    private static String quote(String s, char quote) {
        StringBuilder b = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            if (c == quote || c == '\\') {
                b.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.append(quote).toString();
    }

    private static String modifiers(int m) {
        return Modifier.toString(m);
    }

    private static String join(String... parts) {
        return Arrays.stream(parts).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }
}
