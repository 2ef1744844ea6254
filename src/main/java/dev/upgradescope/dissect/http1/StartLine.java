package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;

/** The first line of a message as read: a request-line or a status-line, with its tree node. */
sealed interface StartLine permits StartLine.RequestLine, StartLine.StatusLine {

    ByteRange.InStream range();

    Field node();

    String version();

    record RequestLine(String method, String target, String version, ByteRange.InStream methodRange,
                       ByteRange.InStream targetRange, ByteRange.InStream versionRange, ByteRange.InStream range,
                       Field node) implements StartLine {
    }

    record StatusLine(String version, int status, String reason, ByteRange.InStream versionRange,
                      ByteRange.InStream statusRange, ByteRange.InStream reasonRange, ByteRange.InStream range,
                      Field node) implements StartLine {
    }
}
