package dev.upgradescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upgradescope.capture.CaptureListener;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.export.HarExporter;
import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.proxy.ListenerConfig;
import dev.upgradescope.proxy.ProxyConfig;
import dev.upgradescope.proxy.LiveCapture;
import dev.upgradescope.wire.UnitDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code upgradescope capture}: runs the proxy headless, recording every connection, until the
 * given duration ends or the process is interrupted (SIGINT/SIGTERM); then flushes the session and
 * writes the HAR file if asked. With {@code --events}, prints one JSON line per dissected event as
 * it is committed.
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Run the recording proxy headless: a forward proxy (absolute-form and CONNECT) or a reverse "
                + "proxy to one upstream; stop after --for or on Ctrl-C.")
public final class CaptureCommand implements Callable<Integer> {

    static final int OK = ExitCodes.OK;
    static final int FAILED = ExitCodes.CANNOT_RUN;
    static final int USAGE = ExitCodes.CANNOT_RUN;

    /** How long a signal waits for the HAR and the summary before the process ends anyway. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT[=URL]", description = {
        "Where to listen (repeatable; default 127.0.0.1:8080). HOST:PORT=URL makes that listener a reverse "
            + "proxy to URL. Addresses other than loopback are exposed to the network: a warning is printed."})
    List<String> listen = new ArrayList<>();

    @Option(names = "--reverse", paramLabel = "URL",
            description = "Forward every connection of the listeners without '=URL' to this upstream, e.g. "
                    + "http://127.0.0.1:9000.")
    URI reverse;

    @Option(names = "--session", paramLabel = "FILE", description = "Keep the recording in this new session file.")
    Path session;

    @Option(names = "--har", paramLabel = "FILE", description = "At the end, write the recording as HAR 1.2.")
    Path har;

    @CommandLine.Mixin
    HarOutputOptions harOptions = new HarOutputOptions();

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (e.g. 30s, 5m, 1h).")
    String duration;

    @Option(names = "--events", description = "Print one JSON line per event (units, handshake verdicts, notes).")
    boolean events;

    /** The dissection each recorded connection gets. */
    private final ConnectionDissection.Factory dissections;
    private final CountDownLatch stop = new CountDownLatch(1);
    /** The exit code, once the command has finished (files written, summary printed). */
    private final CompletableFuture<Integer> outcome = new CompletableFuture<>();

    public CaptureCommand() {
        this(ConnectionDissection.standard());
    }

    /** A capture command whose recorder dissects with {@code dissections}. */
    public CaptureCommand(ConnectionDissection.Factory dissections) {
        this.dissections = dissections;
    }

    /** Ends a running capture as if its duration had passed (for embedding and tests). */
    public void stop() {
        stop.countDown();
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ProxyConfig config;
        Duration limit;
        try {
            config = ProxyConfig.of(listeners());
            limit = duration == null ? null : parseDuration(duration);
            harOptions.options(); // an unreadable --har-message-limit is refused before the capture starts
        } catch (IllegalArgumentException e) {
            err.println("upgradescope capture: " + e.getMessage());
            return USAGE;
        }
        for (ListenerConfig l : config.listeners()) {
            if (l.exposed()) {
                err.println("upgradescope capture: warning: listening on " + l.address()
                        + " exposes the proxy beyond this machine; anyone who can reach it can use it.");
            }
        }
        Path file;
        Path tempDir = null;
        int code = FAILED;
        Thread hook = new Thread(this::stopOnSignal, "upgradescope-capture-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (session != null) {
                file = session;
            } else {
                tempDir = Files.createTempDirectory("upgradescope-capture");
                file = tempDir.resolve("capture.upgradescope");
            }
            code = record(config, limit, file, err);
            return code;
        } catch (IOException e) {
            err.println("upgradescope capture: " + e.getMessage());
            return FAILED;
        } finally {
            if (tempDir != null) {
                deleteTree(tempDir);
            }
            err.flush();
            outcome.complete(code);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it ends the process with this command's exit code
            }
        }
    }

    /**
     * Run on SIGINT or SIGTERM: stops the capture as if its duration had passed, waits until the
     * command has written its files and its summary, then ends the process with the command's own
     * exit code (0), not the signal's (130, 143).
     */
    private void stopOnSignal() {
        stop.countDown();
        try {
            int code = outcome.get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // not finished in time: the process ends with the signal's status
        }
    }

    private int record(ProxyConfig config, Duration limit, Path file, PrintWriter err) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        LiveCapture capture = LiveCapture.start(config, file, dissections,
                events ? List.of(new EventLines(out)) : List.of());
        try {
            for (int i = 0; i < config.listeners().size(); i++) {
                ListenerConfig l = config.listeners().get(i);
                err.println("upgradescope capture: " + l.mode().code() + " proxy on " + capture.addresses().get(i)
                        + (l.upstream() == null ? "" : " -> " + l.upstream()));
            }
            err.flush();
            awaitStop(limit);
        } finally {
            capture.close();
            out.flush();
        }
        long connections;
        try (SessionReader reader = SessionReader.open(file)) {
            connections = reader.connectionCount();
            if (har != null) {
                new HarExporter(reader, harOptions.options()).write(har);
            }
        }
        err.println("upgradescope capture: stopped; " + connections + (connections == 1 ? " connection" : " connections")
                + " recorded" + (har == null ? "" : "; HAR written to " + har)
                + (session == null ? "" : "; session written to " + session));
        return OK;
    }

    private void awaitStop(Duration limit) {
        try {
            if (limit == null) {
                stop.await();
            } else {
                stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The configured listeners: {@code --listen} entries, the default forward listener when none. */
    List<ListenerConfig> listeners() {
        List<String> given = listen.isEmpty() ? List.of("127.0.0.1:" + ProxyConfig.DEFAULT_PORT) : listen;
        List<ListenerConfig> result = new ArrayList<>();
        for (String entry : given) {
            int eq = entry.indexOf('=');
            InetSocketAddress address = address(eq < 0 ? entry : entry.substring(0, eq));
            URI upstream = eq < 0 ? reverse : URI.create(entry.substring(eq + 1));
            result.add(upstream == null ? ListenerConfig.forward(address) : ListenerConfig.reverse(address, upstream));
        }
        return result;
    }

    /** {@code HOST:PORT} or {@code [V6]:PORT}; port 0 picks a free port. */
    static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || text.indexOf(':') != colon && !text.startsWith("[")) {
            throw new IllegalArgumentException("not HOST:PORT: " + text);
        }
        String host = text.substring(0, colon).replaceAll("^\\[|\\]$", "");
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + text);
            }
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not HOST:PORT: " + text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown listen address: " + host);
        }
    }

    /** {@code 30s}, {@code 5m}, {@code 2h}, {@code 500ms}; a bare number means seconds. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (like 30s, 5m, 1h): " + text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** Prints committed events and notes as JSON lines, in the shape of {@code dissect --json} units. */
    static final class EventLines implements CaptureListener {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final PrintWriter out;

        EventLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void eventAdded(EventRow e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("conn", e.conn());
            m.put("time", Instant.EPOCH.plus(e.wallMicros(), java.time.temporal.ChronoUnit.MICROS).toString());
            if (e.dir() != null) {
                m.put("dir", e.dir().code());
                m.put("offset", e.offset());
                m.put("length", e.length());
            }
            m.put("kind", e.kind());
            m.put("summary", e.summary());
            m.putAll(e.attributes());
            if (!e.findings().isEmpty()) {
                m.put("findings", UnitDocument.findings(e.findings()));
            }
            print(m);
        }

        @Override
        public void noteAdded(NoteRow n) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("conn", n.conn());
            m.put("time", Instant.EPOCH.plus(n.wallMicros(), java.time.temporal.ChronoUnit.MICROS).toString());
            m.put("kind", "note");
            m.put("summary", n.code() + ": " + n.detail());
            m.put("code", n.code());
            m.put("detail", n.detail());
            print(m);
        }

        @Override
        public void changesLost(long count) {
            print(Map.of("kind", "lost", "summary", count + " events were not printed (output fell behind)"));
        }

        private void print(Map<String, Object> m) {
            try {
                String line = JSON.writeValueAsString(m);
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            } catch (IOException e) {
                // a value Jackson cannot write is our bug; keep the capture running
            }
        }
    }
}
