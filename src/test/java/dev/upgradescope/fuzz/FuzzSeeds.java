package dev.upgradescope.fuzz;

import dev.upgradescope.testpeers.JdkH2cConversation;
import dev.upgradescope.testpeers.RecordingRelay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the seed corpus of the fuzz targets into {@code src/test/resources/dev/upgradescope/fuzz},
 * where Jazzer's JUnit integration reads it ({@code <Class>Inputs/<method>/}), from conversations
 * kept in the test resources and conversations of real peers recorded on loopback (the JDK client
 * upgrading to h2c with Jetty, two JDK {@code SSLEngine}s). Not a test; run it again when a seed
 * source changes:
 * {@code java -cp target/test-classes:target/classes:$(deps) dev.upgradescope.fuzz.FuzzSeeds .}
 */
public final class FuzzSeeds {

    static final int MAX_SEED = 16 << 10;

    private final Path out;
    private final Path resources;

    private FuzzSeeds(Path project) {
        this.out = project.resolve("src/test/resources/dev/upgradescope/fuzz");
        this.resources = project.resolve("src/test/resources");
    }

    public static void main(String[] args) throws Exception {
        new FuzzSeeds(Paths.get(args.length > 0 ? args[0] : ".")).writeAll();
    }

    private record Conversation(String name, byte[] c2s, byte[] s2c) {
        /** Where each side's HTTP/1.1 head ends, or 0. */
        int c2sBody() {
            return headEnd(c2s);
        }

        int s2cBody() {
            return headEnd(s2c);
        }
    }

    private void writeAll() throws Exception {
        List<Conversation> http = new ArrayList<>();
        for (Path p : list("handshakes", ".txt")) {
            http.add(handshake(p));
        }
        for (Path p : list("http1", ".http")) {
            byte[] b = Files.readAllBytes(p);
            boolean response = text(b).startsWith("HTTP/");
            http.add(new Conversation(name(p), response ? new byte[0] : b, response ? b : new byte[0]));
        }
        Conversation python = new Conversation("python-websockets-10.4-deflate",
                Files.readAllBytes(resources.resolve("recordings/python-websockets-10.4-deflate/c2s.bin")),
                Files.readAllBytes(resources.resolve("recordings/python-websockets-10.4-deflate/s2c.bin")));
        RecordingRelay.Conversation recorded = JdkH2cConversation.record(List.of("/first", "/second"));
        Conversation jdkH2c = new Conversation("jdk17-jetty12-h2c", recorded.c2s(), recorded.s2c());
        List<Conversation> tls = new ArrayList<>();
        for (String dir : new String[] {"rfc5246", "rfc6066", "rfc7301", "rfc8446", "rfc8996"}) {
            for (Path p : list(dir, ".hex")) {
                tls.add(tlsHex(dir, p));
            }
        }
        for (String version : new String[] {"TLSv1.3", "TLSv1.2"}) {
            Object t = callStatic("dev.upgradescope.dissect.tls.EngineTranscript", "handshake", version);
            tls.add(new Conversation("jdk-sslengine-" + version, (byte[]) call(t, "c2s"), (byte[]) call(t, "s2c")));
        }

        Path http1 = target("Http1FuzzTest", "requestsResponsesAndTheirUpgradeAnalysis");
        for (Conversation c : http) {
            seed(http1, c.name(), TwoStreams.encode(0, c.c2s(), c.s2c()));
        }
        seed(http1, python.name() + "-cut", cut(1, python, python.c2sBody() / 2, python.s2cBody() - 3));

        Path ws = target("WebSocketFuzzTest", "framesMessagesAndDeflate");
        seed(ws, python.name(), TwoStreams.encode(1, tail(python.c2s(), python.c2sBody()),
                tail(python.s2c(), python.s2cBody())));
        for (String dir : new String[] {"rfc6455", "rfc7692"}) {
            for (Path p : list(dir, ".hex")) {
                String t = Files.readString(p);
                int flags = !t.contains("permessage-deflate") ? 0
                        : t.contains("no-context-takeover") || t.contains("no_context_takeover") ? 2 | 7 << 2 : 1;
                byte[] frames = hexLines(t);
                boolean server = t.contains("# dir: s2c");
                seed(ws, dir + "-" + name(p), TwoStreams.encode(flags, server ? new byte[0] : frames,
                        server ? frames : new byte[0]));
            }
        }

        Path h2 = target("Http2FuzzTest", "framesAndHpack");
        byte[] h2c2s = tail(jdkH2c.c2s(), jdkH2c.c2sBody());
        byte[] h2s2c = tail(jdkH2c.s2c(), jdkH2c.s2cBody());
        seed(h2, jdkH2c.name(), TwoStreams.encode(1, h2c2s, h2s2c));
        seed(h2, jdkH2c.name() + "-prior-knowledge", TwoStreams.encode(2, h2c2s, h2s2c));
        seed(h2, jdkH2c.name() + "-cut", TwoStreams.encode(0, h2c2s, h2s2c, new int[] {5, 24, 40},
                new int[] {9, 30}));
        seed(h2, "h2conversation", TwoStreams.encode(0,
                (byte[]) callStatic("dev.upgradescope.dissect.http2.H2Conversation", "client"),
                (byte[]) callStatic("dev.upgradescope.dissect.http2.H2Conversation", "server")));

        Path tlsTarget = target("TlsFuzzTest", "recordsAndHellos");
        for (Conversation c : tls) {
            seed(tlsTarget, c.name(), TwoStreams.encode(0, c.c2s(), c.s2c()));
        }

        Path conn = target("ConnectionFuzzTest", "wholeConnection");
        seed(conn, python.name(), TwoStreams.encode(0, python.c2s(), python.s2c()));
        seed(conn, python.name() + "-server-first", TwoStreams.encode(1, python.c2s(), python.s2c()));
        seed(conn, python.name() + "-cut", cut(0, python, python.c2sBody() + 3, python.s2cBody() + 1));
        seed(conn, jdkH2c.name(), TwoStreams.encode(0, jdkH2c.c2s(), jdkH2c.s2c()));
        seed(conn, jdkH2c.name() + "-cut", cut(2, jdkH2c, jdkH2c.c2sBody() + 24, jdkH2c.s2cBody() + 9));
        for (Conversation c : http) {
            seed(conn, c.name(), TwoStreams.encode(0, c.c2s(), c.s2c()));
        }
        Conversation hello = tls.get(tls.size() - 1);
        seed(conn, "tls-direct-" + hello.name(), TwoStreams.encode(0, hello.c2s(), hello.s2c()));
        byte[] connect = "CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] established = "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        seed(conn, "connect-tunnel-" + hello.name(), TwoStreams.encode(0, concat(connect, hello.c2s()),
                concat(established, hello.s2c())));

        Path session = target("SessionReaderFuzzTest", "damagedSession");
        seed(session, "undamaged", new byte[0]);
        seed(session, "cut-in-header", new byte[] {1, 0, 0, 50});
        seed(session, "cut-after-first-page", new byte[] {1, 0, 0x10, 0x00});
        seed(session, "page-size", new byte[] {0, 0, 16, 0x7f, 0, 0, 17, 0x01});
        seed(session, "schema-page", new byte[] {0, 0x10, 0x08, 0x33, 0, 0x10, 0x64, 0x00});
        seed(session, "third-page", new byte[] {0, 0x20, 0x40, (byte) 0xff, 0, 0x20, 0x41, 0x7f});
    }

    private Conversation handshake(Path p) throws IOException {
        ByteArrayOutputStream c2s = new ByteArrayOutputStream();
        ByteArrayOutputStream s2c = new ByteArrayOutputStream();
        ByteArrayOutputStream into = null;
        for (String line : Files.readAllLines(p, StandardCharsets.ISO_8859_1)) {
            if (line.equals("--- request ---")) {
                into = c2s;
            } else if (line.equals("--- response ---")) {
                into = s2c;
            } else if (into != null) {
                into.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return new Conversation("handshake-" + name(p), c2s.toByteArray(), s2c.toByteArray());
    }

    private static Conversation tlsHex(String dir, Path p) throws IOException {
        StringBuilder c2s = new StringBuilder();
        StringBuilder s2c = new StringBuilder();
        StringBuilder into = c2s;
        for (String line : Files.readAllLines(p)) {
            if (line.startsWith("> c2s")) {
                into = c2s;
            } else if (line.startsWith("< s2c")) {
                into = s2c;
            } else if (!line.startsWith("#")) {
                into.append(line.replaceAll("\\s", ""));
            }
        }
        return new Conversation(dir + "-" + name(p), HexFormat.of().parseHex(c2s), HexFormat.of().parseHex(s2c));
    }

    /** The hex of a spec example, {@code 5a*256} repeating a byte. */
    private static byte[] hexLines(String text) {
        StringBuilder hex = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            for (String token : line.trim().split("\\s+")) {
                int star = token.indexOf('*');
                hex.append(star < 0 ? token : token.substring(0, star).repeat(Integer.parseInt(token.substring(star + 1))));
            }
        }
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] cut(int flags, Conversation c, int c2sCut, int s2cCut) {
        return TwoStreams.encode(flags, c.c2s(), c.s2c(), new int[] {1, Math.max(0, c2sCut)},
                new int[] {Math.max(0, s2cCut), c.s2c().length - 2});
    }

    private Path target(String testClass, String method) throws IOException {
        return Files.createDirectories(out.resolve(testClass + "Inputs").resolve(method));
    }

    /** Writes one seed; those over {@link #MAX_SEED} bytes are left out to keep the fuzzer's inputs short. */
    private static void seed(Path dir, String name, byte[] bytes) throws IOException {
        if (bytes.length > MAX_SEED) {
            return;
        }
        Files.write(dir.resolve("seed-" + name), bytes);
    }

    private List<Path> list(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(resources.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String name(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    private static int headEnd(byte[] b) {
        int at = text(b).indexOf("\r\n\r\n");
        return at < 0 ? 0 : at + 4;
    }

    private static byte[] tail(byte[] b, int from) {
        return java.util.Arrays.copyOfRange(b, from, b.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Package-private helpers of the dissector tests, reached by reflection from this one tool. */
    private static Object callStatic(String className, String method, Object... args) throws Exception {
        Class<?> type = Class.forName(className);
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i].getClass();
        }
        Method m = type.getDeclaredMethod(method, types);
        m.setAccessible(true);
        return m.invoke(null, args);
    }

    private static Object call(Object target, String method) throws Exception {
        Method m = target.getClass().getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }
}
