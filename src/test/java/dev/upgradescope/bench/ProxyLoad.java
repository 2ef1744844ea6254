package dev.upgradescope.bench;

import dev.upgradescope.capture.CaptureSink;
import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.Recorder;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.proxy.ListenerConfig;
import dev.upgradescope.proxy.ProxyConfig;
import dev.upgradescope.proxy.ProxyServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The proxy's load tool (run by hand, not a test): on loopback, measures WebSocket echo throughput
 * (64 B and 16 KiB messages, several connections, many messages in flight) and the upgrade rate
 * (handshakes per second), (a) straight to the echo server, (b) through socat, then UpgradeScope's
 * reverse listener with its capture thrown away (to tell the relay's cost from the recorder's), and (c) through
 * UpgradeScope's reverse listener recording through the real recorder into a session file; prints the figures and the ratios.
 * For (c) it also prints the bytes the recorder did not record (it must be 0: the capture slows the
 * peers down instead of dropping), and the heap in use after a full GC once at least 1,000,000
 * frames have been captured, with the echo connections still open.
 *
 * <pre>./mvnw -B -o -q test-compile &amp;&amp; java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   dev.upgradescope.bench.ProxyLoad [seconds-per-measure]</pre>
 *
 * <p>With {@code -Dload.only=upgrades} it measures the upgrade rate alone on every path, skipping
 * the echo throughput and the heap measure, and prints this JVM's CPU time per upgrade on each path
 * (socat's own is not in it) and the capture threads' CPU time per recorded connection. The CPU time
 * of each path is also split by thread group (the load client's and the echo server's event loops,
 * the proxy's, the capture's) and, on Linux, the JIT compilers and the garbage collector: a short
 * measure right after a proxy starts still pays for compiling its code.
 */
public final class ProxyLoad {

    private static final int CONNECTIONS = 8;
    /**
     * {@code -Dload.only=upgrades}: measure the upgrade rate alone on every path (no echo throughput,
     * no heap measure), which takes a fraction of the full run.
     */
    private static final boolean UPGRADES_ONLY = "upgrades".equals(System.getProperty("load.only"));
    /** Handshakes in progress at once while measuring the upgrade rate. */
    private static final int HANDSHAKERS = 32;
    private static final byte[] HANDSHAKE = ("GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final EventLoopGroup clientLoop = new NioEventLoopGroup(1);
    private final long measureNanos;
    /** This JVM's CPU time per upgrade in the last upgrade-rate measure, in µs. */
    private double lastCpuPerUpgrade;
    /** The same CPU time split by thread group (one line), in the last upgrade-rate measure. */
    private String lastCpuByThreads = "";
    /** Per path, the line of {@link #lastCpuByThreads}. */
    private final List<String> cpuByThreads = new ArrayList<>();

    private ProxyLoad(long seconds) {
        this.measureNanos = TimeUnit.SECONDS.toNanos(seconds);
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        ProxyLoad load = new ProxyLoad(seconds);
        try {
            load.run();
        } finally {
            load.clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private void run() throws Exception {
        EventLoopGroup serverLoop = new NioEventLoopGroup(1);
        Channel echo = echoServer(serverLoop);
        int echoPort = ((InetSocketAddress) echo.localAddress()).getPort();
        System.out.printf(Locale.ROOT, "echo server on 127.0.0.1:%d; %d echo connections, %d concurrent handshakes,"
                + " %d s per measure%n", echoPort, CONNECTIONS, HANDSHAKERS, TimeUnit.NANOSECONDS.toSeconds(measureNanos));
        List<String> names = new ArrayList<>();
        List<double[]> results = new ArrayList<>();

        measureAll(echoPort); // warm-up round, not reported
        cpuByThreads.clear();
        names.add("direct");
        results.add(measureAll(echoPort));

        Process socat = startSocat(echoPort);
        if (socat == null) {
            System.out.println("socat not found on PATH: skipping (b); install it with apt-get install socat");
        } else {
            try {
                names.add("socat");
                results.add(measureAll(socatPort));
            } finally {
                socat.destroy();
                socat.waitFor(5, TimeUnit.SECONDS);
            }
        }

        try (ProxyServer bare = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.reverse(
                new InetSocketAddress("127.0.0.1", 0), URI.create("http://127.0.0.1:" + echoPort)))), new DiscardSink())) {
            names.add("us-no-capture");
            measureAll(bare.address().getPort()); // warm-up round, not reported: the JIT compiles the proxy
            results.add(measureAll(bare.address().getPort()));
        }

        RecordingSink sink = RecordingSink.create();
        long heap;
        String captureCpu;
        try (ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.reverse(
                new InetSocketAddress("127.0.0.1", 0), URI.create("http://127.0.0.1:" + echoPort)))), sink.sink())) {
            names.add("upgradescope");
            measureAll(proxy.address().getPort()); // warm-up round, not reported: the JIT compiles the capture
            results.add(measureAll(proxy.address().getPort()));
            captureCpu = UPGRADES_ONLY ? captureCpu(sink.recorder()) : null;
            heap = UPGRADES_ONLY ? -1 : heapAfterFrames(proxy.address().getPort(), sink.recorder(), 1_000_000);
        }
        String capture = sink.close();
        echo.close().syncUninterruptibly();
        serverLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        print(names, results);
        System.out.println(capture);
        if (captureCpu != null) {
            System.out.println(captureCpu);
        }
        if (heap >= 0) {
            System.out.printf(Locale.ROOT, "heap after GC with >= 1,000,000 frames captured and 8 connections open:"
                    + " %.1f MB%n", heap / 1e6);
        }
    }

    /**
     * Echoes 64 B messages through the recording proxy until at least {@code frames} WebSocket frames
     * have been captured in all (each echoed message is two: one each way), lets the recorder catch up,
     * and returns the heap in use after a full GC, connections still open.
     */
    private long heapAfterFrames(int port, Recorder recorder, long frames) throws Exception {
        long have = sessionFrames(recorder);
        AtomicLong echoed = new AtomicLong();
        List<Channel> channels = new ArrayList<>();
        if (have < frames) {
            ByteBuf frame = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(maskedFrame(64)));
            List<EchoLoad> loads = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                EchoLoad l = new EchoLoad(frame, 64, echoed);
                loads.add(l);
                channels.add(connect(port, () -> l));
            }
            for (EchoLoad l : loads) {
                l.upgraded.get(10, TimeUnit.SECONDS);
            }
            while (have + 2 * echoed.get() < frames) {
                Thread.sleep(100);
            }
        }
        recorder.flush();
        System.out.printf(Locale.ROOT, "frames captured before the heap measure: >= %d%n", have + 2 * echoed.get());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        for (Channel c : channels) {
            c.close().syncUninterruptibly();
        }
        return least;
    }

    /** Frames recorded so far in the session (committed rows). */
    private static long sessionFrames(Recorder recorder) throws IOException {
        recorder.flush();
        long frames = 0;
        try (SessionReader reader = SessionReader.open(recorder.store().file())) {
            long n = reader.connectionCount();
            for (long skip = 0; skip < n; skip += 1000) {
                for (ConnectionRow c : reader.connections(skip, 1000)) {
                    frames += c.frames();
                }
            }
        }
        return frames;
    }

    private double[] measureAll(int port) throws Exception {
        System.out.println("measuring 127.0.0.1:" + port + " …");
        double small = UPGRADES_ONLY ? Double.NaN : throughput(port, 64, 64);
        double large = UPGRADES_ONLY ? Double.NaN : throughput(port, 16 * 1024, 8);
        double upgrades = upgradeRate(port);
        cpuByThreads.add(lastCpuByThreads);
        return new double[] {small, small * 64 / 1e6, large, large * 16 * 1024 / 1e6, upgrades, lastCpuPerUpgrade};
    }

    private void print(List<String> names, List<double[]> results) {
        System.out.println();
        if (UPGRADES_ONLY) {
            System.out.printf(Locale.ROOT, "%-14s %14s %26s%n", "path", "upgrades/s", "JVM CPU µs/upgrade");
        } else {
            System.out.printf(Locale.ROOT, "%-14s %14s %10s %14s %10s %14s%n", "path", "64B msg/s", "MB/s",
                    "16KiB msg/s", "MB/s", "upgrades/s");
        }
        for (int i = 0; i < names.size(); i++) {
            double[] r = results.get(i);
            if (UPGRADES_ONLY) {
                System.out.printf(Locale.ROOT, "%-14s %14.0f %26.1f%n", names.get(i), r[4], r[5]);
                System.out.printf(Locale.ROOT, "    by thread (µs/upgrade): %s%n", cpuByThreads.get(i));
            } else {
                System.out.printf(Locale.ROOT, "%-14s %14.0f %10.1f %14.0f %10.1f %14.0f%n",
                        names.get(i), r[0], r[1], r[2], r[3], r[4]);
            }
        }
        for (int j = names.size() - 2; j < names.size(); j++) {
            double[] mine = results.get(j);
            for (int i = 0; i < names.size(); i++) {
                if (i == j) {
                    continue;
                }
                double[] r = results.get(i);
                if (UPGRADES_ONLY) {
                    System.out.printf(Locale.ROOT, "%-13s / %-13s upgrades %.2fx%n", names.get(j), names.get(i),
                            mine[4] / r[4]);
                } else {
                    System.out.printf(Locale.ROOT, "%-13s / %-13s 64B %.2fx   16KiB %.2fx   upgrades %.2fx%n",
                            names.get(j), names.get(i), mine[0] / r[0], mine[2] / r[2], mine[4] / r[4]);
                }
            }
        }
    }

    // ---- (b) socat ----

    private int socatPort;

    private Process startSocat(int echoPort) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            socatPort = s.getLocalPort();
        }
        Process p;
        try {
            p = new ProcessBuilder("socat", "TCP-LISTEN:" + socatPort + ",bind=127.0.0.1,fork,reuseaddr,backlog=1024",
                    "TCP:127.0.0.1:" + echoPort).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return null;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", socatPort)) {
                return p;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        p.destroy();
        return null;
    }

    // ---- echo throughput ----

    /** Messages per second echoed over {@link #CONNECTIONS} upgraded connections, {@code window} in flight each. */
    private double throughput(int port, int size, int window) throws Exception {
        ByteBuf frame = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(maskedFrame(size)));
        AtomicLong echoed = new AtomicLong();
        List<Channel> channels = new ArrayList<>();
        List<EchoLoad> loads = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            EchoLoad l = new EchoLoad(frame, window, echoed);
            loads.add(l);
            channels.add(connect(port, () -> l));
        }
        for (EchoLoad l : loads) {
            l.upgraded.get(10, TimeUnit.SECONDS);
        }
        Thread.sleep(500); // warm-up
        long start = echoed.get();
        long t0 = System.nanoTime();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(measureNanos));
        double rate = (echoed.get() - start) / ((System.nanoTime() - t0) / 1e9);
        for (Channel c : channels) {
            c.close().syncUninterruptibly();
        }
        return rate;
    }

    private Channel connect(int port, Supplier<ChannelInboundHandlerAdapter> handler) throws InterruptedException {
        return new Bootstrap().group(clientLoop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(handler.get());
                    }
                })
                .connect("127.0.0.1", port).sync().channel();
    }

    /** A client frame with a zero mask key (RFC 6455 §5.3: any key is valid; zero keeps the generator cheap). */
    private static byte[] maskedFrame(int size) {
        int header = size < 126 ? 2 : 4;
        byte[] f = new byte[header + 4 + size];
        f[0] = (byte) 0x82;
        if (size < 126) {
            f[1] = (byte) (0x80 | size);
        } else {
            f[1] = (byte) (0x80 | 126);
            f[2] = (byte) (size >>> 8);
            f[3] = (byte) size;
        }
        return f;
    }

    /** Upgrades, then keeps {@code window} frames in flight, sending one more per echoed frame. */
    private static final class EchoLoad extends ChannelInboundHandlerAdapter {
        final io.netty.util.concurrent.Promise<Void> upgraded = io.netty.util.concurrent.ImmediateEventExecutor
                .INSTANCE.newPromise();
        private final ByteBuf frame;
        private final int window;
        private final AtomicLong echoed;
        private final HeadSkipper head = new HeadSkipper();
        private final FrameCounter frames = new FrameCounter();

        EchoLoad(ByteBuf frame, int window, AtomicLong echoed) {
            this.frame = frame;
            this.window = window;
            this.echoed = echoed;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(HANDSHAKE));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                if (!head.done()) {
                    head.skip(in);
                    if (!head.done()) {
                        return;
                    }
                    upgraded.trySuccess(null);
                    for (int i = 0; i < window; i++) {
                        ctx.write(frame.duplicate());
                    }
                    ctx.flush();
                }
                int n = frames.count(in);
                if (n > 0) {
                    echoed.addAndGet(n);
                    for (int i = 0; i < n; i++) {
                        ctx.write(frame.duplicate());
                    }
                    ctx.flush();
                }
            } finally {
                in.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            upgraded.tryFailure(cause);
            ctx.close();
        }
    }

    // ---- upgrade rate ----

    private double upgradeRate(int port) throws Exception {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + measureNanos + TimeUnit.MILLISECONDS.toNanos(500);
        long[] startCount = new long[1];
        long[] t0 = new long[1];
        Bootstrap b = new Bootstrap().group(clientLoop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true);
        for (int i = 0; i < HANDSHAKERS; i++) {
            handshakeLoop(b, port, done, deadline);
        }
        Thread.sleep(500);
        startCount[0] = done.get();
        t0[0] = System.nanoTime();
        java.util.Map<Long, Long> threads0 = threadCpuNanos();
        java.util.Map<String, Long> vm0 = vmThreadTicks();
        long cpu0 = processCpuNanos();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(measureNanos));
        long upgrades = done.get() - startCount[0];
        long cpu1 = processCpuNanos();
        lastCpuPerUpgrade = (cpu1 - cpu0) / 1e3 / Math.max(1, upgrades);
        lastCpuByThreads = cpuByThreadGroup(threads0, cpu1 - cpu0, Math.max(1, upgrades))
                + vmThreadsSince(vm0, Math.max(1, upgrades));
        double rate = upgrades / ((System.nanoTime() - t0[0]) / 1e9);
        Thread.sleep(300);
        return rate;
    }

    /** Each live thread's CPU time so far, by thread id. */
    private static java.util.Map<Long, Long> threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return cpu;
    }

    /**
     * The CPU time each group of threads used since {@code before}, per upgrade, in µs: threads are
     * grouped by name without their trailing number (a Netty event loop group, the JIT compilers);
     * what the Java threads do not account for (GC, other VM threads) is shown as "vm".
     */
    private static String cpuByThreadGroup(java.util.Map<Long, Long> before, long processNanos, long upgrades) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> groups = new java.util.TreeMap<>();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long used = Math.max(0, threads.getThreadCpuTime(t.getThreadId()))
                    - before.getOrDefault(t.getThreadId(), 0L);
            String group = t.getThreadName().replaceAll("[-#]?\\d+$", "");
            groups.merge(group, used, Long::sum);
            sum += used;
        }
        StringBuilder line = new StringBuilder();
        groups.forEach((name, used) -> {
            if (used / 1e3 / upgrades >= 0.5) {
                line.append(String.format(Locale.ROOT, "%s %.1f, ", name, used / 1e3 / upgrades));
            }
        });
        return line.append(String.format(Locale.ROOT, "vm %.1f", (processNanos - sum) / 1e3 / upgrades)).toString();
    }

    /**
     * The CPU ticks of this JVM's own threads that Java does not list (JIT compilers, garbage
     * collector), by kind, from Linux's /proc; empty where there is none.
     */
    private static java.util.Map<String, Long> vmThreadTicks() {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return ticks;
        }
        try (var dirs = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) dirs::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String kind = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "jit"
                            : name.startsWith("GC ") || name.startsWith("G1 ") ? "gc" : null;
                    if (kind != null) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.merge(kind, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** The JIT's and the GC's CPU time since {@code before}, per upgrade (µs, from 10 ms ticks). */
    private static String vmThreadsSince(java.util.Map<String, Long> before, long upgrades) {
        StringBuilder line = new StringBuilder();
        vmThreadTicks().forEach((kind, t) -> line.append(String.format(Locale.ROOT, " (%s %.1f)", kind,
                (t - before.getOrDefault(kind, 0L)) * 10_000.0 / upgrades)));
        return line.toString();
    }

    /** CPU time this JVM used (all threads: load client, echo server, proxy, capture), or 0 if unknown. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /**
     * The CPU time the capture's own threads (the recorder and the session writer) spent per recorded
     * connection, once everything handed over is committed: the capture's cost per upgrade, less noisy
     * than the rates on a busy machine.
     */
    private static String captureCpu(Recorder recorder) throws IOException {
        recorder.flush();
        long connections;
        try (SessionReader reader = SessionReader.open(recorder.store().file())) {
            connections = reader.connectionCount();
        }
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long recorderCpu = 0;
        long storeCpu = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long cpu = Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            if (t.getThreadName().startsWith("upgradescope-recorder")) {
                recorderCpu += cpu;
            } else if (t.getThreadName().startsWith("upgradescope-store")) {
                storeCpu += cpu;
            }
        }
        long[] switches = contextSwitches();
        return String.format(Locale.ROOT, "capture CPU per recorded connection: recorder thread %.1f µs, session"
                + " writer %.1f µs (%d connections)%s", recorderCpu / 1e3 / Math.max(1, connections),
                storeCpu / 1e3 / Math.max(1, connections), connections, switches == null ? ""
                        : String.format(Locale.ROOT, "; the threads waited for work %.2f and %.2f times per connection",
                                (double) switches[0] / Math.max(1, connections),
                                (double) switches[1] / Math.max(1, connections)));
    }

    /**
     * The voluntary context switches of the recorder and session-writer threads (each one a wait for
     * work, woken by the next hand-over), from Linux's /proc; null where there is none.
     */
    private static long[] contextSwitches() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return null;
        }
        long[] out = new long[2];
        try (var dirs = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) dirs::iterator) {
                String name;
                List<String> status;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                    status = Files.readAllLines(task.resolve("status"));
                } catch (IOException gone) {
                    continue;
                }
                int which = name.startsWith("upgradescope-re") ? 0 : name.startsWith("upgradescope-st") ? 1 : -1;
                for (String line : status) {
                    if (which >= 0 && line.startsWith("voluntary_ctxt_switches:")) {
                        out[which] += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return out;
    }

    /** One worker: connect, send the handshake, read the 101 head, close, and again until the deadline. */
    private static void handshakeLoop(Bootstrap b, int port, AtomicLong done, long deadline) {
        if (System.nanoTime() > deadline) {
            return;
        }
        b.clone().handler(new ChannelInboundHandlerAdapter() {
            private final HeadSkipper head = new HeadSkipper();

            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(HANDSHAKE));
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf in = (ByteBuf) msg;
                head.skip(in);
                in.release();
                if (head.done()) {
                    done.incrementAndGet();
                    ctx.close();
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                handshakeLoop(b, port, done, deadline);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
            }
        }).connect("127.0.0.1", port).addListener(f -> {
            if (!f.isSuccess()) {
                handshakeLoop(b, port, done, deadline);
            }
        });
    }

    /** Consumes a response head up to its empty line. */
    private static final class HeadSkipper {
        private int matched;

        boolean done() {
            return matched == 4;
        }

        void skip(ByteBuf in) {
            while (matched < 4 && in.isReadable()) {
                byte b = in.readByte();
                boolean want = (matched % 2 == 0) ? b == '\r' : b == '\n';
                matched = want ? matched + 1 : (b == '\r' ? 1 : 0);
            }
        }
    }

    /** Counts whole unmasked server frames across reads. */
    private static final class FrameCounter {
        private final byte[] header = new byte[4];
        private int headerHave;
        private long payloadLeft = -1;

        int count(ByteBuf in) {
            int n = 0;
            while (in.isReadable()) {
                if (payloadLeft < 0) {
                    header[headerHave++] = in.readByte();
                    int need = headerHave < 2 ? 2 : ((header[1] & 0x7f) == 126 ? 4 : 2);
                    if (headerHave < need) {
                        continue;
                    }
                    int len = header[1] & 0x7f;
                    payloadLeft = len == 126 ? ((header[2] & 0xff) << 8 | header[3] & 0xff) : len;
                    headerHave = 0;
                }
                int take = (int) Math.min(payloadLeft, in.readableBytes());
                in.skipBytes(take);
                payloadLeft -= take;
                if (payloadLeft == 0) {
                    payloadLeft = -1;
                    n++;
                }
            }
            return n;
        }
    }

    // ---- the echo server ----

    private static Channel echoServer(EventLoopGroup loop) throws InterruptedException {
        return new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler("/echo", null, false, 1 << 20),
                                new SimpleChannelInboundHandler<WebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame f) {
                                        ctx.write(f.retain());
                                    }

                                    @Override
                                    public void channelReadComplete(ChannelHandlerContext ctx) {
                                        ctx.flush();
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close();
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    /** For comparison: the proxy alone, its capture thrown away (what relaying costs without recording). */
    private static final class DiscardSink implements CaptureSink {
        private final AtomicLong ids = new AtomicLong();

        @Override
        public long open(dev.upgradescope.capture.ConnectionInfo info) {
            return ids.incrementAndGet();
        }

        @Override
        public void target(long conn, String target) {
        }

        @Override
        public void chunk(long conn, dev.upgradescope.wire.Direction dir, long nanos, byte[] bytes) {
        }

        @Override
        public void note(long conn, dev.upgradescope.capture.ConnectionNote note) {
        }

        @Override
        public void end(long conn, dev.upgradescope.wire.Direction dir, long nanos) {
        }
    }

    /** The capture for (c): the real recorder, dissectors and session store, in a temporary file deleted afterwards. */
    private record RecordingSink(Recorder recorder, CaptureStore store, Path dir) {
        static RecordingSink create() throws IOException {
            Path dir = Files.createTempDirectory("upgradescope-load");
            CaptureStore store = CaptureStore.create(dir.resolve("load.upgradescope"));
            return new RecordingSink(new Recorder(store, ConnectionDissection.standard()), store, dir);
        }

        CaptureSink sink() {
            return recorder;
        }

        /** Closes the capture and deletes the file; returns a line saying what was recorded. */
        String close() throws IOException {
            recorder.close();
            store.close();
            long frames = 0;
            long bytes = 0;
            long connections;
            try (SessionReader reader = SessionReader.open(store.file())) {
                connections = reader.connectionCount();
                for (long skip = 0; skip < connections; skip += 1000) {
                    for (ConnectionRow c : reader.connections(skip, 1000)) {
                        frames += c.frames();
                        bytes += c.c2sBytes() + c.s2cBytes();
                    }
                }
            }
            String line = String.format(Locale.ROOT, "capture: recorder %s, %d bytes dropped (must be 0); session: %d"
                    + " connections, %d frames, %.1f MB of traffic, file %d MB", recorder.state(),
                    recorder.droppedBytes(), connections, frames, bytes / 1e6,
                    Files.size(dir.resolve("load.upgradescope")) >> 20);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            return line;
        }
    }
}
