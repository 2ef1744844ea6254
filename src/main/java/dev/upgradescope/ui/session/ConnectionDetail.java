package dev.upgradescope.ui.session;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the centre and bottom panes show for the selected connection, re-derived from its raw bytes:
 * the HTTP messages of the handshake with their field trees, the handshake verdict's findings, the
 * units dissected from the first bytes of each direction, those bytes, and the proxy's notes.
 */
public record ConnectionDetail(ConnectionRow row, List<Unit> httpMessages, List<Finding> handshakeFindings,
                               List<Unit> units, RawWindow c2s, RawWindow s2c, List<NoteRow> notes) {

    public ConnectionDetail {
        httpMessages = List.copyOf(httpMessages);
        handshakeFindings = List.copyOf(handshakeFindings);
        units = List.copyOf(units);
        notes = List.copyOf(notes);
    }

    public RawWindow window(Direction dir) {
        return dir == Direction.C2S ? c2s : s2c;
    }

    /** The field trees of the handshake's HTTP messages, request first. */
    public List<Field> handshakeTrees() {
        return httpMessages.stream().map(Unit::tree).toList();
    }

    /**
     * Every finding about the connection, without repeats: the handshake verdict's, then those in
     * the trees of the dissected units.
     */
    public List<Finding> findings() {
        Set<Finding> out = new LinkedHashSet<>(handshakeFindings);
        for (Unit u : httpMessages) {
            out.addAll(u.tree().allFindings());
            out.addAll(u.findings());
        }
        for (Unit u : units) {
            out.addAll(u.tree().allFindings());
            out.addAll(u.findings());
        }
        return new ArrayList<>(out);
    }

    /** The deepest field of any derived tree covering byte {@code position} of {@code dir}. */
    public Optional<Field> deepestAt(Direction dir, long position) {
        for (Unit u : httpMessages) {
            Optional<Field> hit = u.tree().deepestAt(dir, position);
            if (hit.isPresent()) {
                return hit;
            }
        }
        for (Unit u : units) {
            if (u.range().contains(dir, position)) {
                Optional<Field> hit = u.tree().deepestAt(dir, position);
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        return Optional.empty();
    }
}
