package dev.upgradescope.capture;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How session files come into being: owner-only (0600 where POSIX), created empty before SQLite
 * opens them, because a session holds every recorded byte, passwords included. SQLite creates a
 * database's {@code -wal} and {@code -shm} files with the mode of the database file itself, so
 * they are owner-only too.
 */
public final class SessionFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SessionFiles() {
    }

    /**
     * Creates {@code file} empty and owner-only; it must not exist yet.
     *
     * @throws IOException if it exists or cannot be created, with a message saying which
     */
    public static void createOwnerOnly(Path file) throws IOException {
        try {
            if (posix()) {
                FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
                Files.createFile(file, mode);
                // the umask may have taken bits away, never added them; set the mode exactly
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Session file " + file + " already exists; choose a new file name.", e);
        } catch (IOException e) {
            throw new IOException("Cannot create session file " + file + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
