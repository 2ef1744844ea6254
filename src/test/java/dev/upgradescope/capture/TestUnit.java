package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.util.List;
import java.util.Map;

/** A unit made by the test dissections: its tree is one node naming its kind and range. */
record TestUnit(UnitKind kind, Direction dir, long offset, long length, String summary,
                Map<String, Object> attributes, List<Finding> findings) implements Unit {

    TestUnit(UnitKind kind, Direction dir, long offset, long length, String summary, Map<String, Object> attributes) {
        this(kind, dir, offset, length, summary, attributes, List.of());
    }

    @Override
    public Field tree() {
        return Field.builder(kind.code(), summary, range())
                .leaf("Length", Long.toString(length), range())
                .findings(findings)
                .build();
    }
}
