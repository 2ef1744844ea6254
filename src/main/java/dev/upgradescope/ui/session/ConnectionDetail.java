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
 * the upgrade analyses' trees (request and response decorated with decoded parts and findings), the
 * HTTP messages with their own trees, the analyses' findings, the units dissected from the first
 * bytes of each direction, those bytes, and the proxy's notes.
 */
public record ConnectionDetail(ConnectionRow row, List<Field> analyses, List<Unit> httpMessages,
                               List<Finding> handshakeFindings, List<Unit> units, RawWindow c2s, RawWindow s2c,
                               List<NoteRow> notes) {

    public ConnectionDetail {
        analyses = List.copyOf(analyses);
        httpMessages = List.copyOf(httpMessages);
        handshakeFindings = List.copyOf(handshakeFindings);
        units = List.copyOf(units);
        notes = List.copyOf(notes);
    }

    public RawWindow window(Direction dir) {
        return dir == Direction.C2S ? c2s : s2c;
    }

    /**
     * The trees the handshake tab shows: the upgrade analyses' when there are any (they contain the
     * request and response trees, decorated), else the HTTP messages' own trees.
     */
    public List<Field> handshakeTrees() {
        return analyses.isEmpty() ? httpMessages.stream().map(Unit::tree).toList() : analyses;
    }

    /**
     * Every finding about the connection, without repeats: the handshake verdict's, then those in
     * the trees of the dissected units.
     */
    public List<Finding> findings() {
        Set<Finding> out = new LinkedHashSet<>(handshakeFindings);
        for (Field t : analyses) {
            out.addAll(t.allFindings());
        }
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
        for (Field t : analyses) {
            Optional<Field> hit = t.deepestAt(dir, position);
            if (hit.isPresent()) {
                return hit;
            }
        }
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
