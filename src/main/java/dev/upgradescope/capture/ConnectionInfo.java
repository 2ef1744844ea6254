package dev.upgradescope.capture;

import java.util.Objects;

/**
 * What is known about a connection when it opens: where the client came from, which listener took
 * it, and where it is headed (the upstream {@code host:port}, possibly learnt only later from the
 * request and then updated with {@link CaptureSink#target}).
 */
public record ConnectionInfo(String client, String listener, ListenerMode mode, String target,
                             long wallMillis, long nanos) {

    public ConnectionInfo {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(mode, "mode");
        target = target == null ? "" : target;
    }
}
