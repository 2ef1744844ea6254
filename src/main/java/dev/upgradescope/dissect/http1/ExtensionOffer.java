package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;
import java.util.List;
import java.util.Optional;

/**
 * One element of {@code Sec-WebSocket-Extensions}: an extension name and its parameters
 * (RFC 6455 §9.1), with the bytes of the whole element.
 */
public record ExtensionOffer(String name, List<ExtensionParam> params, ByteRange.InStream range) {

    public ExtensionOffer {
        params = List.copyOf(params);
    }

    /** The first parameter with this name (case-insensitive), if any. */
    public Optional<ExtensionParam> param(String paramName) {
        return params.stream().filter(p -> p.name().equalsIgnoreCase(paramName)).findFirst();
    }
}
