package dev.upgradescope.ui.session;

import dev.upgradescope.capture.SessionReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The session file the UI reads details from, and its one {@link SessionReader}, opened lazily.
 * Used from the background worker thread only (a reader is not thread-safe).
 */
public final class SessionSource implements AutoCloseable {

    private Path file;
    private SessionReader reader;

    /** Reads from {@code next} from now on (null: no session). */
    public void use(Path next) throws IOException {
        if (Objects.equals(next, file)) {
            return;
        }
        close();
        file = next;
    }

    public Path file() {
        return file;
    }

    /** The reader of the current file; throws if there is none. */
    public SessionReader reader() throws IOException {
        if (file == null) {
            throw new IOException("no session is open");
        }
        if (reader == null) {
            reader = SessionReader.open(file);
        }
        return reader;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            SessionReader r = reader;
            reader = null;
            r.close();
        }
    }
}
