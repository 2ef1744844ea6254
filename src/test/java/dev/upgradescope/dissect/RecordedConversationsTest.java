package dev.upgradescope.dissect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Conversations of real clients and servers, recorded once and kept as test resources. */
class RecordedConversationsTest {

    static byte[] resource(String path) throws IOException {
        try (InputStream in = RecordedConversationsTest.class.getResourceAsStream("/recordings/" + path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void pythonWebsocketsWithPermessageDeflateAndContextTakeover() throws IOException {
        String dir = "python-websockets-10.4-deflate/";
        Conversation c = Conversation.dissect(resource(dir + "c2s.bin"), resource(dir + "s2c.bin"));

        assertThat(c.handshakes()).singleElement().satisfies(h -> {
            assertThat(h.outcome()).isEqualTo(UpgradeOutcome.UPGRADED);
            assertThat(h.summary()).isEqualTo("websocket → upgraded (101) to websocket (permessage-deflate)");
        });
        assertThat(c.units()).flatExtracting(u -> u.findings()).isEmpty();
        for (Direction dir2 : Direction.values()) {
            assertThat(c.units()).filteredOn(u -> u.kind() == UnitKind.WS_MESSAGE && u.dir() == dir2)
                    .extracting(u -> u.summary()).containsExactly(
                            "TEXT message len=26 deflated=27 \"{\\\"hello\\\": \\\"world\\\", \\\"n\\\": 0}\"",
                            "TEXT message len=26 deflated=7 \"{\\\"hello\\\": \\\"world\\\", \\\"n\\\": 1}\"",
                            "TEXT message len=26 deflated=6 \"{\\\"hello\\\": \\\"world\\\", \\\"n\\\": 2}\"",
                            "TEXT message len=800 deflated=17 \"upgrade upgrade upgrade upgrade upgrade \"…",
                            "BINARY message len=150 deflated=7");
        }
        assertThat(c.unitLines()).contains("c2s 362+8 CLOSE fin len=2 masked 1000 \"\"", "s2c 377+4 CLOSE fin len=2 1000 \"\"");
    }
}
