package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFolderTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultIsTheUsersDataDirectoryOnEachSystem() {
        assertThat(CaptureFolder.defaultLocation(Map.of(), "Linux", "/home/ana"))
                .isEqualTo(Path.of("/home/ana/.local/share/upgradescope"));
        assertThat(CaptureFolder.defaultLocation(Map.of("XDG_DATA_HOME", "/data/ana"), "Linux", "/home/ana"))
                .isEqualTo(Path.of("/data/ana/upgradescope"));
        // a relative XDG_DATA_HOME is invalid by the XDG specification and ignored
        assertThat(CaptureFolder.defaultLocation(Map.of("XDG_DATA_HOME", "data"), "Linux", "/home/ana"))
                .isEqualTo(Path.of("/home/ana/.local/share/upgradescope"));
        assertThat(CaptureFolder.defaultLocation(Map.of(), "Mac OS X", "/Users/ana"))
                .isEqualTo(Path.of("/Users/ana/Library/Application Support/UpgradeScope"));
        assertThat(CaptureFolder.defaultLocation(Map.of("LOCALAPPDATA", "/c/Users/ana/AppData/Local"), "Windows 11",
                "/c/Users/ana")).isEqualTo(Path.of("/c/Users/ana/AppData/Local/UpgradeScope"));
        assertThat(CaptureFolder.defaultLocation(Map.of(), "Linux", "/home/ana").toString())
                .doesNotContain(System.getProperty("java.io.tmpdir"));
    }

    @Test
    void aNewFolderIsCreatedOwnerOnlyWithItsParents() throws Exception {
        assumeTrue(SessionFiles.posix());
        Path folder = CaptureFolder.forCurrentUser().prepare(dir.resolve("share/upgradescope"));
        assertThat(folder).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void anExistingFolderOfTheUserIsMadeOwnerOnly() throws Exception {
        assumeTrue(SessionFiles.posix());
        Path folder = Files.createDirectory(dir.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        CaptureFolder.forCurrentUser().prepare(folder);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void aSymbolicLinkIsRefusedAndWhatItPointsAtIsUntouched() throws Exception {
        assumeTrue(SessionFiles.posix());
        Path elsewhere = Files.createDirectory(dir.resolve("attacker"));
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path link = Files.createSymbolicLink(dir.resolve("upgradescope"), elsewhere);
        assertThatThrownBy(() -> CaptureFolder.forCurrentUser().prepare(link))
                .isInstanceOfSatisfying(CaptureFolder.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(CaptureFolder.Refusal.SYMLINK))
                .hasMessageContaining("symbolic link");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(elsewhere))).isEqualTo("rwxrwxrwx");
        try (var inside = Files.list(elsewhere)) {
            assertThat(inside).isEmpty();
        }
    }

    @Test
    void aFolderOwnedByAnotherUserIsRefused() throws Exception {
        assumeTrue(SessionFiles.posix());
        Path folder = Files.createDirectory(dir.resolve("theirs"));
        UserPrincipal owner = Files.getOwner(folder);
        UserPrincipal someoneElse = other(owner);
        assertThatThrownBy(() -> new CaptureFolder(someoneElse).prepare(folder))
                .isInstanceOfSatisfying(CaptureFolder.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(CaptureFolder.Refusal.FOREIGN_OWNER))
                .hasMessageContaining("belongs to " + owner.getName());
        assertThat(new CaptureFolder(owner).prepare(folder)).isEqualTo(folder);
    }

    @Test
    void aFileInTheFoldersPlaceIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("upgradescope"), "x");
        assertThatThrownBy(() -> CaptureFolder.forCurrentUser().prepare(file))
                .isInstanceOfSatisfying(CaptureFolder.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(CaptureFolder.Refusal.NOT_A_DIRECTORY));
    }

    private static UserPrincipal other(UserPrincipal owner) throws Exception {
        var lookup = Path.of("").getFileSystem().getUserPrincipalLookupService();
        for (String name : new String[] {"nobody", "root", "daemon"}) {
            UserPrincipal p = lookup.lookupPrincipalByName(name);
            if (!p.equals(owner)) {
                return p;
            }
        }
        throw new IllegalStateException("no second user on this system");
    }
}
