package dev.upgradescope.dissect.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebSocketAcceptTest {

    @Test
    void rfc6455Section1_3Example() {
        assertThat(WebSocketAccept.expected("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void keyIsTrimmedBeforeHashing() {
        assertThat(WebSocketAccept.expected(" dGhlIHNhbXBsZSBub25jZQ== ")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void decodedKeyLength() {
        assertThat(WebSocketAccept.decodedKeyLength("dGhlIHNhbXBsZSBub25jZQ==")).hasValue(16);
        assertThat(WebSocketAccept.decodedKeyLength("c2hvcnQ=")).hasValue(5);
        assertThat(WebSocketAccept.decodedKeyLength("not base64!")).isEmpty();
    }
}
