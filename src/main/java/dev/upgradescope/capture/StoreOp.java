package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import java.util.concurrent.CompletableFuture;

/** What the store's writer thread is asked to do, in order. */
sealed interface StoreOp {

    /** Queue weight of an op without bytes: roughly its heap footprint. */
    long SMALL = 256;

    record Open(ConnectionRow row) implements StoreOp {
    }

    /** The connection's summary changed; only the last update before a commit is written. */
    record Update(ConnectionRow row) implements StoreOp {
    }

    record Close(ConnectionRow row) implements StoreOp {
    }

    record ChunkWrite(long conn, Direction dir, long offset, long nanos, long wallMicros, byte[] bytes)
            implements StoreOp {
    }

    /** The JSON columns are written by the caller's thread, so the writer thread only stores them. */
    record EventWrite(EventRow row, byte[] payload, String attributesJson, String findingsJson) implements StoreOp {
    }

    /** A run of compact events of one connection, in one row. */
    record BlockWrite(EventBlock block) implements StoreOp {
    }

    record NoteWrite(NoteRow row) implements StoreOp {
    }

    /** Commit what came before, then complete. */
    record Flush(CompletableFuture<Void> done) implements StoreOp {
    }

    /** Commit, checkpoint, close the file, then complete. */
    record Shutdown(CompletableFuture<Void> done) implements StoreOp {
    }
}
