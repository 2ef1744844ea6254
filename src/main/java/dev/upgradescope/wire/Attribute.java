package dev.upgradescope.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One attribute a dissector emits, declared once beside the unit that fills it, the way Wireshark
 * registers its {@code hf_} fields: its name in JSON ({@code dissect --json}, the session file) and
 * the type its value reads back as. Every reader — the store, the window, the HAR writer, the
 * command line — reads an attribute through its declaration, so a wrong name or type fails to
 * compile. A value read back from JSON (a number may come back as an {@code Integer} or a
 * {@code Long}) is converted to the declared type; a missing or mistyped value reads as empty.
 *
 * @param <T> the type of the value
 */
public final class Attribute<T> {

    private final String name;
    private final Function<Object, T> reader;
    private final Function<T, Object> writer;

    private Attribute(String name, Function<Object, T> reader) {
        this(name, reader, v -> v);
    }

    private Attribute(String name, Function<Object, T> reader, Function<T, Object> writer) {
        this.name = Objects.requireNonNull(name, "name");
        this.reader = reader;
        this.writer = writer;
    }

    /** A whole number that fits 32 bits. */
    public static Attribute<Integer> integer(String name) {
        return new Attribute<>(name, v -> v instanceof Number n ? n.intValue() : null);
    }

    /** A whole number (a length, an offset). */
    public static Attribute<Long> number(String name) {
        return new Attribute<>(name, v -> v instanceof Number n ? n.longValue() : null);
    }

    public static Attribute<String> text(String name) {
        return new Attribute<>(name, v -> v instanceof String s ? s : null);
    }

    public static Attribute<Boolean> flag(String name) {
        return new Attribute<>(name, v -> v instanceof Boolean b ? b : null);
    }

    /** A list of strings (protocol names, as written). */
    public static Attribute<List<String>> texts(String name) {
        return new Attribute<>(name, Attribute::texts);
    }

    /** A list of name-value pairs, each a list of two strings (header fields in order). */
    public static Attribute<List<List<String>>> pairs(String name) {
        return new Attribute<>(name, v -> {
            if (!(v instanceof List<?> list)) {
                return null;
            }
            List<List<String>> out = new ArrayList<>(list.size());
            for (Object pair : list) {
                List<String> p = texts(pair);
                if (p != null && !p.isEmpty()) {
                    out.add(p);
                }
            }
            return Collections.unmodifiableList(out);
        });
    }

    /** A structured value (a list of maps) that readers show as it is rather than read field by field. */
    public static Attribute<Object> structured(String name) {
        return new Attribute<>(name, v -> v);
    }

    /**
     * A value written as its {@code code} and read back through {@code byCode} (null: a code it does
     * not know).
     */
    public static <E> Attribute<E> coded(String name, Function<E, String> code, Function<String, E> byCode) {
        return new Attribute<>(name, v -> v instanceof String s ? byCode.apply(s) : null,
                e -> e == null ? null : code.apply(e));
    }

    private static List<String> texts(Object v) {
        if (!(v instanceof List<?> list)) {
            return null;
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(String.valueOf(o));
        }
        return Collections.unmodifiableList(out);
    }

    /** The name in JSON. */
    public String name() {
        return name;
    }

    /** The value in {@code attributes}, if present and of the declared type. */
    public Optional<T> in(Map<String, ?> attributes) {
        return Optional.ofNullable(reader.apply(attributes.get(name)));
    }

    /** The value in {@code attributes}, or {@code fallback} when absent or of another type. */
    public T in(Map<String, ?> attributes, T fallback) {
        T v = reader.apply(attributes.get(name));
        return v == null ? fallback : v;
    }

    /** Puts {@code value} (null: a JSON null) as this attribute's value: how a unit fills its attributes. */
    public void put(Map<String, Object> attributes, T value) {
        attributes.put(name, value == null ? null : writer.apply(value));
    }

    @Override
    public String toString() {
        return name;
    }
}
