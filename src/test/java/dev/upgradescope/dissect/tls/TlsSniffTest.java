package dev.upgradescope.dissect.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.dissect.tls.TlsSniff.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TlsSniffTest {

    @Test
    void aRealClientHelloIsRecognisedAfterElevenBytes() throws Exception {
        byte[] ch = EngineTranscript.handshake("TLSv1.3").c2s();
        for (int k = 0; k < TlsSniff.DECISIVE; k++) {
            assertThat(TlsSniff.isClientHelloStart(ch, 0, k)).as("prefix %d", k).isEqualTo(Verdict.NEED_MORE);
        }
        assertThat(TlsSniff.isClientHelloStart(ch, 0, TlsSniff.DECISIVE)).isEqualTo(Verdict.YES);
        assertThat(TlsSniff.isClientHelloStart(ch)).isEqualTo(Verdict.YES);
    }

    @Test
    void fixtureHelloWithLegacyRecordVersionAndOffsetIsRecognised() {
        byte[] c2s = Conversation.fixture("rfc5246/7_4_1-hellos.hex").c2s();
        byte[] shifted = new byte[c2s.length + 3];
        System.arraycopy(c2s, 0, shifted, 3, c2s.length);
        assertThat(TlsSniff.isClientHelloStart(shifted, 3, shifted.length)).isEqualTo(Verdict.YES);
    }

    @Test
    void plaintextAndOtherRecordsAreNot() {
        assertThat(TlsSniff.isClientHelloStart("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Verdict.NO);
        assertThat(TlsSniff.isClientHelloStart("PRI * HTTP/2.0".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Verdict.NO);
        assertThat(TlsSniff.isClientHelloStart(new byte[] {0x16, 0x04})).isEqualTo(Verdict.NO);
        byte[] serverHello = Conversation.fixture("rfc5246/7_4_1-hellos.hex").s2c();
        assertThat(TlsSniff.isClientHelloStart(serverHello)).isEqualTo(Verdict.NO);
        byte[] appData = {23, 3, 3, 0, 20, 1, 0, 0, 60, 3, 3};
        assertThat(TlsSniff.isClientHelloStart(appData)).isEqualTo(Verdict.NO);
        assertThat(TlsSniff.isClientHelloStart(new byte[] {0x16})).isEqualTo(Verdict.NEED_MORE);
    }
}
