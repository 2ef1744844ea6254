package dev.upgradescope.dissect.http1.bench;

import dev.upgradescope.dissect.http1.HeaderLists;
import dev.upgradescope.dissect.http1.HttpMessage;
import dev.upgradescope.dissect.http1.Http1Parser;
import dev.upgradescope.dissect.http1.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the HTTP/1 parser on a keep-alive stream of browser-like requests with small
 * bodies, fed in network-sized pieces, and of the header list parsing of a WebSocket handshake.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Http1ParserBenchmark {

    private static final String REQUEST = "POST /api/items HTTP/1.1\r\nHost: example.com\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0\r\n"
            + "Accept: application/json\r\nAccept-Language: en-US,en;q=0.5\r\nAccept-Encoding: gzip, deflate\r\n"
            + "Content-Type: application/json\r\nContent-Length: 27\r\nConnection: keep-alive\r\n\r\n"
            + "{\"name\":\"item\",\"count\":42}\n";
    private static final String HANDSHAKE = "GET /chat HTTP/1.1\r\nHost: example.com\r\n"
            + "Connection: keep-alive, Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, x-webkit-deflate-frame\r\n\r\n";

    @Param({"1460", "16384"})
    public int pieceSize;

    private byte[] stream;
    private HttpRequest handshake;

    @Setup
    public void setUp() {
        stream = REQUEST.repeat(200).getBytes(StandardCharsets.ISO_8859_1);
        handshake = (HttpRequest) Http1Parser.forRequests(0)
                .feed(HANDSHAKE.getBytes(StandardCharsets.ISO_8859_1)).get(0);
    }

    @Benchmark
    public int keepAliveStream(Blackhole bh) {
        Http1Parser parser = Http1Parser.forRequests(0);
        int count = 0;
        for (int from = 0; from < stream.length; from += pieceSize) {
            for (HttpMessage m : parser.feed(stream, from, Math.min(stream.length, from + pieceSize))) {
                bh.consume(m);
                count++;
            }
        }
        return count;
    }

    @Benchmark
    public void handshakeHeaderLists(Blackhole bh) {
        bh.consume(HeaderLists.connection(handshake.headers()));
        bh.consume(HeaderLists.upgrade(handshake.headers()));
        bh.consume(HeaderLists.webSocketProtocols(handshake.headers()));
        bh.consume(HeaderLists.webSocketExtensions(handshake.headers()));
    }
}
