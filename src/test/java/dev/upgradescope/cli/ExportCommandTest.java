package dev.upgradescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upgradescope.capture.CaptureStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ExportCommand());
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void writesAHarFileForASession() throws Exception {
        Path session = dir.resolve("s.upgradescope");
        CaptureStore.create(session).close();
        Path har = dir.resolve("out.har");
        assertThat(run("--session", session.toString(), "--har", har.toString())).isZero();
        assertThat(new ObjectMapper().readTree(har.toFile()).get("log").get("version").asText()).isEqualTo("1.2");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aMissingSessionIsOneLineOnStderrAndExitTwo() {
        int code = run("--session", dir.resolve("nope.upgradescope").toString(), "--har", dir.resolve("o.har").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .startsWith("upgradescope export: no such file: ").doesNotContain("Exception");
        assertThat(dir.resolve("o.har")).doesNotExist();
    }

    @Test
    void aFileThatIsNotASessionIsOneLineOnStderrAndExitTwo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is not SQLite\n".repeat(100));
        int code = run("--session", text.toString(), "--har", dir.resolve("o.har").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .contains("is not an UpgradeScope session").doesNotContain("at dev.");
    }

    @Test
    void anSqliteFileOfAnotherApplicationIsNotASession() throws Exception {
        Path other = dir.resolve("other.db");
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other)) {
            db.createStatement().execute("CREATE TABLE t (x)");
        }
        assertThat(run("--session", other.toString(), "--har", dir.resolve("o.har").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not an UpgradeScope session").doesNotContain("\tat ");
    }

    @Test
    void anOutputDirectoryThatDoesNotExistIsAUsageError() throws Exception {
        Path session = dir.resolve("s.upgradescope");
        CaptureStore.create(session).close();
        int code = run("--session", session.toString(), "--har", dir.resolve("no/such/dir/o.har").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void aSessionMissingTablesExitsTwoAndLeavesNothingBeside() throws Exception {
        Path session = dir.resolve("s.upgradescope");
        CaptureStore.create(session).close();
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + session)) {
            db.createStatement().execute("DROP TABLE chunks");
        }
        int code = run("--session", session.toString(), "--har", dir.resolve("o.har").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("damaged").contains("chunks");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.upgradescope");
        }
    }
}
