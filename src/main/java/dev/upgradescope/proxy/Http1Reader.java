package dev.upgradescope.proxy;

import dev.upgradescope.dissect.http1.HttpMessage;
import java.util.List;

/** {@link MessageReader} over the tolerant HTTP/1.1 parser of {@code dissect.http1}. */
final class Http1Reader implements MessageReader {

    private Http1Reader() {
    }

    static MessageReader requests(long offset) {
        throw new UnsupportedOperationException("the HTTP/1.1 parser has not landed yet");
    }

    static MessageReader responses(long offset) {
        throw new UnsupportedOperationException("the HTTP/1.1 parser has not landed yet");
    }

    @Override
    public List<HttpMessage> feed(byte[] bytes) {
        return List.of();
    }
}
