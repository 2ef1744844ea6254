package dev.upgradescope.ui.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.ui.session.ConnectionDetail;
import dev.upgradescope.ui.session.RawWindow;
import dev.upgradescope.ui.session.SessionRows;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeViewModelTest {

    @Test
    void aVerdictFindingIsShownOnTheDeepestFieldItPointsAt() {
        Field key = Field.leaf("Value", "abc", ByteRange.of(Direction.C2S, 40, 3));
        Field header = Field.builder("Sec-WebSocket-Key", "abc", ByteRange.of(Direction.C2S, 20, 25)).add(key).build();
        Field request = Field.builder("Request", "GET /", ByteRange.of(Direction.C2S, 0, 60)).add(header).build();
        Finding onKey = new Finding("ws.key.length", Severity.ERROR, SpecRef.rfc(6455, "4.1"), List.of(),
                ByteRange.of(Direction.C2S, 41, 1));
        Finding nowhere = new Finding("upgrade.no-answer", Severity.WARNING, SpecRef.rfc(9110, "7.8"), List.of(), null);

        List<HandshakeNode> roots = HandshakeViewModel.build(detail(request, List.of(onKey, nowhere)));

        HandshakeNode root = roots.get(0);
        assertThat(root.findings()).containsExactly(nowhere);
        assertThat(root.find(key).orElseThrow().findings()).containsExactly(onKey);
        assertThat(root.find(header).orElseThrow().findings()).isEmpty();
        assertThat(root.find(key).orElseThrow().worst()).contains(Severity.ERROR);
    }

    @Test
    void noDetailShowsNoTree() {
        assertThat(HandshakeViewModel.build(null)).isEmpty();
    }

    private static ConnectionDetail detail(Field request, List<Finding> verdict) {
        var unit = new TreeUnit(request);
        return new ConnectionDetail(SessionRows.connection(1, "a:80", List.of("websocket"), 101, "upgraded"),
                List.of(), List.of(unit), verdict, List.of(), RawWindow.empty(Direction.C2S), RawWindow.empty(Direction.S2C),
                List.of());
    }

    /** The smallest unit that carries a given tree. */
    private record TreeUnit(Field tree) implements dev.upgradescope.wire.Unit {
        @Override
        public dev.upgradescope.wire.UnitKind kind() {
            return dev.upgradescope.wire.UnitKind.HTTP_REQUEST;
        }

        @Override
        public Direction dir() {
            return Direction.C2S;
        }

        @Override
        public long offset() {
            return 0;
        }

        @Override
        public long length() {
            return 60;
        }

        @Override
        public String summary() {
            return "GET /";
        }

        @Override
        public List<Finding> findings() {
            return List.of();
        }

        @Override
        public java.util.Map<String, Object> attributes() {
            return java.util.Map.of();
        }
    }
}
