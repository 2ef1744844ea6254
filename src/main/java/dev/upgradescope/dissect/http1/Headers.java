package dev.upgradescope.dissect.http1;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** The header section of a message, in wire order, with case-insensitive look-ups. */
public record Headers(List<HeaderField> fields) {

    public Headers {
        fields = List.copyOf(fields);
    }

    /** Every field with this name, in order. */
    public List<HeaderField> all(String name) {
        List<HeaderField> found = null;
        for (HeaderField f : fields) {
            if (f.is(name)) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(f);
            }
        }
        return found == null ? List.of() : Collections.unmodifiableList(found);
    }

    /** Each field as a list of its name and value, in order: the {@code headers} attribute of a message. */
    List<List<String>> namesAndValues() {
        List<List<String>> out = new ArrayList<>(fields.size());
        for (HeaderField f : fields) {
            out.add(List.of(f.name(), f.value()));
        }
        return Collections.unmodifiableList(out);
    }

    public Optional<HeaderField> first(String name) {
        HeaderField f = firstOrNull(name);
        return f == null ? Optional.empty() : Optional.of(f);
    }

    public boolean has(String name) {
        return firstOrNull(name) != null;
    }

    private HeaderField firstOrNull(String name) {
        for (HeaderField f : fields) {
            if (f.is(name)) {
                return f;
            }
        }
        return null;
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
        if (found.size() == 1) {
            return Optional.of(found.get(0).value());
        }
        StringJoiner joined = new StringJoiner(", ");
        for (HeaderField f : found) {
            joined.add(f.value());
        }
        return Optional.of(joined.toString());
    }
}
