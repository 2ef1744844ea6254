package dev.upgradescope.capture;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The folder the window records its captures into: by default under the user's data directory
 * ({@code $XDG_DATA_HOME/upgradescope} or {@code ~/.local/share/upgradescope} on Linux,
 * {@code ~/Library/Application Support/UpgradeScope} on macOS, {@code %LOCALAPPDATA%\UpgradeScope}
 * on Windows), never a shared, guessable place such as the temporary directory. A folder is used
 * only if it is a real directory (not a symbolic link) owned by the user running UpgradeScope; it is
 * created owner-only (0700 where POSIX) and an existing one is made owner-only.
 */
public final class CaptureFolder {

    /** Why a folder is not used; the window says it in the user's language. */
    public enum Refusal {
        /** The folder is a symbolic link: whoever made it chooses where the sessions land. */
        SYMLINK,
        /** Another user owns the folder and could read every session in it. */
        FOREIGN_OWNER,
        /** Something that is not a directory has the folder's name. */
        NOT_A_DIRECTORY,
        /** The folder cannot be created or made owner-only (permissions, read-only disk). */
        CANNOT_CREATE
    }

    /** A folder that is not used for captures, with the reason. */
    public static final class RefusedException extends IOException {
        private final Refusal refusal;
        private final Path folder;

        RefusedException(Refusal refusal, Path folder, String message) {
            super(message);
            this.refusal = refusal;
            this.folder = folder;
        }

        public Refusal refusal() {
            return refusal;
        }

        public Path folder() {
            return folder;
        }
    }

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final UserPrincipal user;

    /** Checks folders against {@code user}, or skips the owner check when null (no owners on this system). */
    CaptureFolder(UserPrincipal user) {
        this.user = user;
    }

    /** Checks folders against the user running this program. */
    public static CaptureFolder forCurrentUser() {
        if (!SessionFiles.posix()) {
            return new CaptureFolder(null); // Windows: %LOCALAPPDATA% is per user already
        }
        try {
            return new CaptureFolder(Path.of("").getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")));
        } catch (IOException | UnsupportedOperationException e) {
            return new CaptureFolder(null);
        }
    }

    /** The default folder on this system, from the environment and system properties given. */
    public static Path defaultLocation(Map<String, String> env, String osName, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return (local == null || local.isBlank() ? Path.of(home, "AppData", "Local") : Path.of(local))
                    .resolve("UpgradeScope");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "UpgradeScope");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG base directory specification: a relative value is invalid and is ignored
        Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(home, ".local", "share");
        return data.resolve("upgradescope");
    }

    /** The default folder on this machine. */
    public static Path defaultLocation() {
        return defaultLocation(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /**
     * Makes {@code folder} ready for session files: creates it owner-only if it does not exist,
     * otherwise checks it is a directory of the user, not a symbolic link, and makes it owner-only.
     *
     * @throws RefusedException if it cannot be used, saying why
     */
    public Path prepare(Path folder) throws RefusedException {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            create(dir);
        }
        if (Files.isSymbolicLink(dir)) {
            throw new RefusedException(Refusal.SYMLINK, dir, dir + " is a symbolic link; captures are not kept "
                    + "where a link points.");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException(Refusal.NOT_A_DIRECTORY, dir, dir + " is not a directory.");
        }
        try {
            if (user != null && !user.equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS))) {
                throw new RefusedException(Refusal.FOREIGN_OWNER, dir, dir + " belongs to "
                        + Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName() + ", not to " + user.getName() + ".");
            }
            if (SessionFiles.posix() && !Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS)
                    .equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
        } catch (RefusedException e) {
            throw e;
        } catch (IOException e) {
            throw new RefusedException(Refusal.CANNOT_CREATE, dir, "Cannot make " + dir + " owner-only: "
                    + e.getMessage());
        }
        return dir;
    }

    /** A new session file's name in {@code folder}: {@code capture-<date>-<time>.upgradescope}. */
    public static Path newSessionFile(Path folder) {
        return folder.resolve("capture-" + java.time.LocalDateTime.now().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + ".upgradescope");
    }

    private static void create(Path dir) throws RefusedException {
        try {
            Files.createDirectories(dir.getParent());
            if (SessionFiles.posix()) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // made at the same moment by someone else: the checks that follow decide
        } catch (IOException e) {
            throw new RefusedException(Refusal.CANNOT_CREATE, dir, "Cannot create " + dir + ": " + e.getMessage());
        }
    }
}
