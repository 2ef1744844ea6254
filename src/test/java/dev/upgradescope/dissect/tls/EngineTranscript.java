package dev.upgradescope.dissect.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The bytes of a real TLS conversation between two JDK {@link SSLEngine}s handshaking in memory
 * (client: SNI {@code example.test}, ALPN {@code h2}, {@code http/1.1}; server: a self-signed EC
 * certificate made with BouncyCastle), followed by one application message each way and the
 * client's close_notify.
 */
record EngineTranscript(byte[] c2s, byte[] s2c) {

    static EngineTranscript handshake(String protocol) throws Exception {
        SSLContext serverContext = serverContext();
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());

        SSLEngine client = clientContext.createSSLEngine("example.test", 443);
        client.setUseClientMode(true);
        SSLParameters cp = client.getSSLParameters();
        cp.setServerNames(List.of(new SNIHostName("example.test")));
        cp.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        cp.setProtocols(new String[] {protocol});
        client.setSSLParameters(cp);

        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        SSLParameters sp = server.getSSLParameters();
        sp.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        sp.setProtocols(new String[] {protocol});
        server.setSSLParameters(sp);

        Pump pump = new Pump(client, server);
        client.beginHandshake();
        server.beginHandshake();
        pump.run();
        pump.sendApplication("ping from client", "pong from server");
        client.closeOutbound();
        pump.run();
        return new EngineTranscript(pump.c2s.toByteArray(), pump.s2c.toByteArray());
    }

    private static SSLContext serverContext() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        KeyPair pair = gen.generateKeyPair();
        X500Name name = new X500Name("CN=example.test");
        Date from = new Date(System.currentTimeMillis() - 86_400_000L);
        Date to = new Date(System.currentTimeMillis() + 86_400_000L);
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.ONE, from, to, name, pair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "test".toCharArray();
        ks.setKeyEntry("server", pair.getPrivate(), pw, new X509Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
        return ctx;
    }

    /** Moves bytes between the two engines until neither has anything to say, logging each direction. */
    private static final class Pump {
        final SSLEngine client;
        final SSLEngine server;
        final ByteArrayOutputStream c2s = new ByteArrayOutputStream();
        final ByteArrayOutputStream s2c = new ByteArrayOutputStream();
        ByteBuffer toServer = ByteBuffer.allocate(0);
        ByteBuffer toClient = ByteBuffer.allocate(0);
        final ByteBuffer clientApp;
        final ByteBuffer serverApp;

        Pump(SSLEngine client, SSLEngine server) {
            this.client = client;
            this.server = server;
            clientApp = ByteBuffer.allocate(client.getSession().getApplicationBufferSize() + 64);
            serverApp = ByteBuffer.allocate(server.getSession().getApplicationBufferSize() + 64);
        }

        void run() throws Exception {
            for (int round = 0; round < 200; round++) {
                boolean moved = wrap(client, ByteBuffer.allocate(0), c2s, true)
                        | wrap(server, ByteBuffer.allocate(0), s2c, false)
                        | unwrap(server, true, serverApp)
                        | unwrap(client, false, clientApp);
                if (!moved) {
                    return;
                }
            }
            throw new IllegalStateException("handshake did not settle");
        }

        void sendApplication(String fromClient, String fromServer) throws Exception {
            wrap(client, ByteBuffer.wrap(fromClient.getBytes(StandardCharsets.US_ASCII)), c2s, true);
            wrap(server, ByteBuffer.wrap(fromServer.getBytes(StandardCharsets.US_ASCII)), s2c, false);
            run();
        }

        private boolean wrap(SSLEngine engine, ByteBuffer app, ByteArrayOutputStream log, boolean toServerSide)
                throws Exception {
            boolean moved = false;
            for (int i = 0; i < 20; i++) {
                runTasks(engine);
                ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                SSLEngineResult r = engine.wrap(app, net);
                runTasks(engine);
                net.flip();
                if (net.remaining() == 0) {
                    break;
                }
                byte[] out = new byte[net.remaining()];
                net.get(out);
                log.write(out);
                if (toServerSide) {
                    toServer = append(toServer, out);
                } else {
                    toClient = append(toClient, out);
                }
                moved = true;
                if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    break;
                }
            }
            return moved;
        }

        private boolean unwrap(SSLEngine engine, boolean isServer, ByteBuffer app) throws Exception {
            ByteBuffer in = isServer ? toServer : toClient;
            boolean moved = false;
            while (in.hasRemaining()) {
                app.clear();
                SSLEngineResult r = engine.unwrap(in, app);
                runTasks(engine);
                if (r.bytesConsumed() == 0) {
                    break;
                }
                moved = true;
            }
            return moved;
        }

        private static ByteBuffer append(ByteBuffer pending, byte[] more) {
            ByteBuffer b = ByteBuffer.allocate(pending.remaining() + more.length);
            b.put(pending).put(more).flip();
            return b;
        }

        private static void runTasks(SSLEngine engine) {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
        }
    }

    /** Accepts the self-signed test certificate; only for these in-memory engines. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
