package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.Attribute;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Unit;
import java.util.List;

/** An HTTP/1.x request or response as read from the wire, with byte ranges for every part. */
public sealed interface HttpMessage extends Unit permits HttpRequest, HttpResponse {

    /** The protocol version as written. */
    Attribute<String> VERSION = Attribute.text("version");
    /** The header fields in order, each {@code [name, value]}. */
    Attribute<List<List<String>>> HEADERS = Attribute.pairs("headers");

    /** The protocol version as written, e.g. {@code HTTP/1.1}; empty if the start line had none. */
    String version();

    Headers headers();

    Body body();

    /** The start line, without its line ending. */
    ByteRange.InStream startLine();

    /** From the first byte of the start line to the end of the empty line closing the headers. */
    ByteRange.InStream head();

    /** True when the head (and body) arrived whole; false for a message cut short by end of stream. */
    boolean complete();

    @Override
    default Direction dir() {
        return head().dir();
    }

    @Override
    default long offset() {
        return head().offset();
    }

    @Override
    default long length() {
        return body().wire().end() - head().offset();
    }

    /** HTTP/1.0 or older (an Upgrade field there must be ignored, RFC 9110 §7.8). */
    default boolean isHttp10OrOlder() {
        return version().equals("HTTP/1.0") || version().equals("HTTP/0.9");
    }
}
