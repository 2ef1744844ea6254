package dev.upgradescope.dissect.http1;

import java.util.List;
import java.util.Optional;

/** The header section of a message, in wire order, with case-insensitive look-ups. */
public record Headers(List<HeaderField> fields) {

    public Headers {
        fields = List.copyOf(fields);
    }

    /** Every field with this name, in order. */
    public List<HeaderField> all(String name) {
        return fields.stream().filter(f -> f.is(name)).toList();
    }

    public Optional<HeaderField> first(String name) {
        return fields.stream().filter(f -> f.is(name)).findFirst();
    }

    public boolean has(String name) {
        return first(name).isPresent();
    }

    public int count(String name) {
        return all(name).size();
    }

    /** The values of every field with this name joined by {@code ", "} (RFC 9110 §5.3), if any. */
    public Optional<String> combined(String name) {
        List<HeaderField> found = all(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", found.stream().map(HeaderField::value).toList()));
    }
}
