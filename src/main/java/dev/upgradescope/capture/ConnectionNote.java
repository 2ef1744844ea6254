package dev.upgradescope.capture;

/**
 * Something the proxy itself observed about a connection that is not in its bytes: the upstream
 * refused, a host was unknown, an idle timeout fired, the store stopped. {@code code} is stable
 * (e.g. {@code upstream.refused}); {@code detail} is the technical detail (an exception message).
 */
public record ConnectionNote(String code, String detail, long nanos) {
}
