package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;
import java.util.Optional;

/**
 * One parameter of a WebSocket extension offer (RFC 6455 §9.1): its name, its value (unquoted and
 * unescaped when it was a quoted-string) and the bytes of {@code name[=value]}.
 */
public record ExtensionParam(String name, Optional<String> value, boolean quoted, ByteRange.InStream range) {
}
