package dev.upgradescope.wire;

import java.util.Objects;

/**
 * Where a dissected thing came from: a run of bytes in one of the connection's two streams, or a
 * run of bytes inside a buffer that was decoded from the stream (a base64url header value, an
 * inflated WebSocket payload), which in turn points back at the stream bytes it came from.
 */
public sealed interface ByteRange permits ByteRange.InStream, ByteRange.InDecoded {

    long offset();

    long length();

    /** The stream bytes to highlight for this range: itself, or the origin of a decoded buffer. */
    InStream streamRange();

    default long end() {
        return offset() + length();
    }

    static InStream of(Direction dir, long offset, long length) {
        return new InStream(dir, offset, length);
    }

    /** {@code length} bytes at absolute {@code offset} of the {@code dir} stream. */
    record InStream(Direction dir, long offset, long length) implements ByteRange {
        public InStream {
            Objects.requireNonNull(dir, "dir");
            if (offset < 0 || length < 0) {
                throw new IllegalArgumentException("negative range " + offset + "+" + length);
            }
        }

        @Override
        public InStream streamRange() {
            return this;
        }

        public boolean contains(Direction d, long position) {
            return d == dir && position >= offset && position < offset + length;
        }

        public boolean covers(InStream other) {
            return other.dir == dir && other.offset >= offset && other.end() <= end();
        }

        /** The part of this range starting {@code skip} bytes in, {@code len} bytes long. */
        public InStream slice(long skip, long len) {
            return new InStream(dir, offset + skip, len);
        }

        @Override
        public String toString() {
            return dir.code() + "[" + offset + "+" + length + "]";
        }
    }

    /**
     * {@code length} bytes at {@code offset} inside a decoded buffer named {@code buffer} (for
     * example {@code "HTTP2-Settings (decoded)"}), decoded from the stream bytes {@code origin}.
     */
    record InDecoded(String buffer, long offset, long length, InStream origin) implements ByteRange {
        public InDecoded {
            Objects.requireNonNull(buffer, "buffer");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public InStream streamRange() {
            return origin;
        }

        @Override
        public String toString() {
            return buffer + "[" + offset + "+" + length + "] from " + origin;
        }
    }
}
