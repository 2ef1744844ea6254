package dev.upgradescope.capture;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A read-only copy of a unit's attributes, in their order. An event row copies its attributes once;
 * a copy of a row (e.g. with its id) shares them instead of copying again.
 */
final class FrozenAttributes extends AbstractMap<String, Object> {

    private final Map<String, Object> copy;
    private final Map<String, Object> view;

    private FrozenAttributes(Map<String, Object> copy) {
        this.copy = copy;
        this.view = Collections.unmodifiableMap(copy);
    }

    /** The copy itself, for readers in this package that do not modify it (e.g. the JSON writer). */
    Map<String, Object> unwrapped() {
        return copy;
    }

    static Map<String, Object> of(Map<String, Object> attributes) {
        return attributes instanceof FrozenAttributes frozen ? frozen
                : new FrozenAttributes(new LinkedHashMap<>(attributes));
    }

    /** Takes a map its maker built for this and hands over without keeping: no copy. */
    static Map<String, Object> adopt(LinkedHashMap<String, Object> built) {
        return new FrozenAttributes(built);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Object get(Object key) {
        return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public boolean isEmpty() {
        return view.isEmpty();
    }
}
