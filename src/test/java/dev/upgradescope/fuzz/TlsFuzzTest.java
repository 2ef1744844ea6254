package dev.upgradescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.upgradescope.dissect.tls.TlsDissector;
import dev.upgradescope.dissect.tls.TlsHello;
import dev.upgradescope.wire.Direction;

/**
 * TLS records in both directions: the record layer, handshake messages across records, the
 * ClientHello and ServerHello (SNI, ALPN, versions, cipher suites), alerts. Flags bit 0: the
 * server's bytes first.
 */
class TlsFuzzTest {

    private static final long C2S_START = 0;
    private static final long S2C_START = 77;

    @FuzzTest
    void recordsAndHellos(byte[] input) throws Exception {
        MemoryBudget.run("TLS", input.length, () -> dissect(TwoStreams.of(input)));
    }

    private static void dissect(TwoStreams in) {
        TlsDissector dissector = new TlsDissector();
        Streams.feedInterleaved(dissector, in, C2S_START, S2C_START, (in.flags() & 1) != 0,
                new Bounds(C2S_START, in.c2s().length, S2C_START, in.s2c().length));
        dissector.clientHello().ifPresent(TlsFuzzTest::describe);
        dissector.serverHello().ifPresent(TlsFuzzTest::describe);
        dissector.framingLost(Direction.C2S);
        dissector.framingLost(Direction.S2C);
    }

    private static void describe(TlsHello hello) {
        if (hello.handshakeType() == null || hello.toString().isEmpty()) {
            throw new AssertionError("a hello that cannot be described");
        }
        hello.selectedVersion();
    }
}
