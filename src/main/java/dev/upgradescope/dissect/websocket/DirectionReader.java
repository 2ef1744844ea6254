package dev.upgradescope.dissect.websocket;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.OpaqueBytes;
import dev.upgradescope.wire.Unit;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the frames of one direction incrementally (RFC 6455 §5.2): the header is gathered byte by
 * byte across feeds, the payload is unmasked and streamed into the message being assembled as it
 * arrives. Holds the direction's fragmentation, compression and closing state.
 */
final class DirectionReader {

    private enum State { HEADER, PAYLOAD, LOST }

    private static final int MAX_PENDING_PINGS = 32;
    private static final byte[] NONE = new byte[0];
    private static final int INITIAL_KEEP = 64 * 1024;
    private static final int SCRATCH = 8 * 1024;

    /** A Ping this side sent that the other side has not answered yet (§5.5.2). */
    private record PendingPing(byte[] payload, ByteRange.InStream range) {
    }

    private final Direction dir;
    private final WsNegotiation negotiation;
    private final int keepLimit;
    private final boolean deflate;
    private final boolean unknownExtension;
    private final MessageInflater inflater;
    /** Unmasking room for payload past the keep limit; made on first use (most connections never need it). */
    private byte[] scratch;
    private final ArrayDeque<PendingPing> pings = new ArrayDeque<>();
    DirectionReader peer;

    private State state = State.HEADER;
    private final byte[] head = new byte[14];
    private int headHave;
    private int headNeed = 2;
    private long frameOffset;

    // the frame being read
    private boolean fin;
    private boolean rsv1;
    private boolean rsv2;
    private boolean rsv3;
    private int opcode;
    private boolean masked;
    private int lengthBits;
    private long payloadLength;
    private int maskingKey;
    private long payloadRead;
    private byte[] payload = NONE;
    private int keepTarget;
    private List<Finding> findings;
    private MessageAssembly sink;

    private MessageAssembly message;
    private boolean closed;
    private boolean unjudgedRsvReported;

    DirectionReader(Direction dir, WsNegotiation negotiation, int keepLimit) {
        this.dir = dir;
        this.negotiation = negotiation;
        this.keepLimit = keepLimit;
        Optional<PerMessageDeflate> pmd = negotiation.deflate();
        this.deflate = pmd.isPresent();
        this.unknownExtension = negotiation.hasUnknownExtension();
        // RFC 7692 §7.1.1: the client's compressor follows client_no_context_takeover, the server's
        // server_no_context_takeover.
        this.inflater = pmd.map(p -> new MessageInflater(dir == Direction.C2S
                ? p.clientNoContextTakeover() : p.serverNoContextTakeover())).orElse(null);
    }

    void feed(long offset, byte[] b, int from, int to, List<Unit> out) {
        int i = from;
        while (i < to) {
            long position = offset + (i - from);
            switch (state) {
                case HEADER -> i = readHeader(b, i, to, position, out);
                case PAYLOAD -> i = readPayload(b, i, to, position, out);
                default -> {
                    out.add(new OpaqueBytes(dir, position, to - i, "framing lost", List.of()));
                    i = to;
                }
            }
        }
    }

    void end(List<Unit> out) {
        if (state == State.HEADER && headHave > 0) {
            ByteRange.InStream partial = ByteRange.of(dir, frameOffset, headHave);
            out.add(new OpaqueBytes(dir, frameOffset, headHave, "truncated frame header",
                    List.of(WsFrameFinding.TRUNCATED.at(partial, headHave, headNeed))));
            headHave = 0;
        } else if (state == State.PAYLOAD) {
            finishFrame(out, false);
        }
        if (message != null) {
            out.add(message.finish(false));
            message = null;
        }
        state = State.HEADER;
        headNeed = 2;
        if (inflater != null) {
            inflater.release();
        }
    }

    private int readHeader(byte[] b, int i, int to, long position, List<Unit> out) {
        if (headHave == 0) {
            frameOffset = position;
        }
        while (i < to && headHave < headNeed) {
            head[headHave++] = b[i++];
            if (headHave == 2) {
                int len7 = head[1] & 0x7F;
                headNeed = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((head[1] & 0x80) != 0 ? 4 : 0);
            }
        }
        if (headHave == headNeed) {
            startFrame(out);
        }
        return i;
    }

    private void startFrame(List<Unit> out) {
        int b0 = head[0] & 0xFF;
        int b1 = head[1] & 0xFF;
        fin = (b0 & 0x80) != 0;
        rsv1 = (b0 & 0x40) != 0;
        rsv2 = (b0 & 0x20) != 0;
        rsv3 = (b0 & 0x10) != 0;
        opcode = b0 & 0x0F;
        masked = (b1 & 0x80) != 0;
        int len7 = b1 & 0x7F;
        int at = 2;
        if (len7 == 126) {
            lengthBits = 16;
            payloadLength = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
            at = 4;
        } else if (len7 == 127) {
            lengthBits = 64;
            long v = 0;
            for (int k = 2; k < 10; k++) {
                v = (v << 8) | (head[k] & 0xFF);
            }
            payloadLength = v;
            at = 10;
        } else {
            lengthBits = 7;
            payloadLength = len7;
        }
        headHave = 0;
        headNeed = 2;
        if (payloadLength < 0) {
            // §5.2: the most significant bit of a 64-bit length must be 0; nothing after can be framed
            state = State.LOST;
            out.add(new OpaqueBytes(dir, frameOffset, at + (masked ? 4 : 0), "framing lost",
                    List.of(WsFrameFinding.LENGTH_MSB_SET.at(ByteRange.of(dir, frameOffset + 1, 9)))));
            return;
        }
        maskingKey = masked ? ((head[at] & 0xFF) << 24) | ((head[at + 1] & 0xFF) << 16)
                | ((head[at + 2] & 0xFF) << 8) | (head[at + 3] & 0xFF) : 0;
        findings = null;
        payloadRead = 0;
        keepTarget = (int) Math.min(payloadLength, keepLimit);
        // a length is only a claim: buffers grow with the bytes that actually arrive
        payload = keepTarget == 0 ? NONE : new byte[Math.min(keepTarget, INITIAL_KEEP)];
        checkHeader();
        sink = routeToMessage(out);
        state = State.PAYLOAD;
        if (payloadLength == 0) {
            finishFrame(out, true);
        }
    }

    private int headerLength() {
        return 2 + (lengthBits == 16 ? 2 : lengthBits == 64 ? 8 : 0) + (masked ? 4 : 0);
    }

    private void checkHeader() {
        ByteRange.InStream first = ByteRange.of(dir, frameOffset, 1);
        if (closed) {
            // §5.5.1: after sending a Close frame, an endpoint must not send any more data frames
            add(WsFrameFinding.AFTER_CLOSE.at(first));
        }
        ByteRange.InStream maskBit = ByteRange.of(dir, frameOffset + 1, 1);
        if (dir == Direction.C2S && !masked) {
            add(WsFrameFinding.MASK_MISSING.at(maskBit)); // §5.3: a client masks every frame
        } else if (dir == Direction.S2C && masked) {
            add(WsFrameFinding.MASK_UNEXPECTED.at(maskBit)); // §5.1: a server never masks
        }
        ByteRange.InStream lengthField = ByteRange.of(dir, frameOffset + 1, 1 + (lengthBits == 7 ? 0 : lengthBits / 8));
        if ((lengthBits == 16 && payloadLength < 126) || (lengthBits == 64 && payloadLength < 65536)) {
            // §5.2: the minimal number of bytes must be used to encode the length
            add(WsFrameFinding.LENGTH_NON_MINIMAL.at(lengthField, payloadLength, lengthBits));
        }
        if (!Opcode.isDefined(opcode)) {
            add(WsFrameFinding.OPCODE_RESERVED.at(first, "0x" + Integer.toHexString(opcode).toUpperCase()));
        }
        if (Opcode.isControl(opcode)) {
            if (payloadLength > 125) {
                add(WsFrameFinding.CONTROL_TOO_LONG.at(lengthField, payloadLength)); // §5.5
            }
            if (!fin) {
                add(WsFrameFinding.CONTROL_FRAGMENTED.at(first)); // §5.5
            }
        }
        checkRsv(first);
    }

    private void checkRsv(ByteRange.InStream first) {
        if (rsv1) {
            if (deflate) {
                // RFC 7692 §6.1: RSV1 marks the first frame of a compressed message, nothing else
                if (Opcode.isControl(opcode)) {
                    add(WsDeflateFinding.RSV1_CONTROL.at(first));
                } else if (opcode == Opcode.CONTINUATION) {
                    add(WsDeflateFinding.RSV1_CONTINUATION.at(first));
                }
            } else {
                rsvWithoutExtension(first, "RSV1");
            }
        }
        if (rsv2) {
            rsvWithoutExtension(first, "RSV2");
        }
        if (rsv3) {
            rsvWithoutExtension(first, "RSV3");
        }
    }

    /** §5.2: an RSV bit no negotiated extension defines; unknown extensions may define it. */
    private void rsvWithoutExtension(ByteRange.InStream first, String bit) {
        if (!unknownExtension) {
            add(WsFrameFinding.RSV_UNNEGOTIATED.at(first, bit));
            return;
        }
        if (message != null) {
            message.unknownTransformation();
        }
        if (!unjudgedRsvReported) {
            unjudgedRsvReported = true;
            add(WsFrameFinding.RSV_UNKNOWN_EXTENSION.at(first, bit, String.join(", ", negotiation.extensions())));
        }
    }

    /** §5.4: where this frame's payload goes; closes an interrupted message. */
    private MessageAssembly routeToMessage(List<Unit> out) {
        if (opcode == Opcode.CONTINUATION) {
            if (message == null) {
                add(WsFrameFinding.CONTINUATION_UNEXPECTED.at(ByteRange.of(dir, frameOffset, 1)));
            }
            return message;
        }
        if (!Opcode.isData(opcode)) {
            return null;
        }
        if (message != null) {
            // §5.4: fragments of one message may not be interleaved with another data message
            add(WsFrameFinding.DATA_INTERLEAVED.at(ByteRange.of(dir, frameOffset, 1)));
            out.add(message.finish(false));
        }
        boolean compressed = deflate && rsv1;
        message = new MessageAssembly(dir, frameOffset, opcode == Opcode.TEXT, fin, keepLimit,
                compressed ? inflater : null, frameOffset);
        if (unknownExtension && (rsv1 && !deflate || rsv2 || rsv3)) {
            message.unknownTransformation();
        }
        return message;
    }

    private int readPayload(byte[] b, int i, int to, long position, List<Unit> out) {
        int n = (int) Math.min(to - i, payloadLength - payloadRead);
        int keep = (int) Math.max(0, Math.min(n, keepTarget - payloadRead));
        if (keep > 0) {
            int at = (int) payloadRead;
            if (at + keep > payload.length) {
                payload = Arrays.copyOf(payload, (int) Math.min(keepTarget, Math.max(at + keep, 2L * payload.length)));
            }
            if (masked) {
                Masking.unmask(b, i, i + keep, payload, at, maskingKey, payloadRead);
            } else {
                System.arraycopy(b, i, payload, at, keep);
            }
            if (sink != null) {
                sink.append(payload, at, keep, position);
            }
        }
        if (n > keep && sink != null) {
            streamBeyondKept(b, i + keep, i + n, position + keep);
        }
        payloadRead += n;
        if (payloadRead == payloadLength) {
            finishFrame(out, true);
        }
        return i + n;
    }

    /** Payload past the keep limit: still unmasked and streamed into the message, never stored. */
    private void streamBeyondKept(byte[] b, int from, int to, long position) {
        if (!masked) {
            sink.append(b, from, to - from, position);
            return;
        }
        long payloadPosition = position - frameOffset - headerLength();
        if (scratch == null) {
            scratch = new byte[SCRATCH];
        }
        for (int p = from; p < to; ) {
            int n = Math.min(scratch.length, to - p);
            Masking.unmask(b, p, p + n, scratch, 0, maskingKey, payloadPosition + (p - from));
            sink.append(scratch, 0, n, position + (p - from));
            p += n;
        }
    }

    private void finishFrame(List<Unit> out, boolean complete) {
        ByteRange.InStream range = ByteRange.of(dir, frameOffset, headerLength() + payloadRead);
        int keptCount = (int) Math.min(payloadRead, keepTarget);
        if (keptCount != payload.length) {
            payload = Arrays.copyOf(payload, keptCount);
        }
        if (!complete) {
            add(WsFrameFinding.TRUNCATED.at(range, payloadRead, payloadLength));
        }
        int closeCode = -1;
        String closeReason = "";
        if (opcode == Opcode.CLOSE && complete) {
            ByteRange.InStream data = ByteRange.of(dir, frameOffset + headerLength(), payloadRead);
            if (payloadLength == 1) {
                add(WsFrameFinding.CLOSE_ONE_BYTE.at(data)); // §5.5.1: a body starts with a 2-byte code
            } else if (payloadLength >= 2 && payload.length >= 2) {
                closeCode = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                WsFrameFinding problem = CloseCode.problem(closeCode);
                if (problem != null) {
                    add(problem.at(data.slice(0, 2), closeCode));
                }
                closeReason = reason(data);
            }
        }
        if (complete) {
            pingPong(range);
        }
        byte[] kept = payload;
        List<Finding> fs = findings == null ? List.of() : findings;
        out.add(new WsFrame(dir, frameOffset, headerLength(), fin, rsv1, rsv2, rsv3, opcode, masked, lengthBits,
                payloadLength, maskingKey, payloadRead, kept, closeCode, closeReason, fs));
        if (sink != null) {
            sink.frameDone(range, kept);
            if (!complete) {
                out.add(sink.finish(false));
                message = null;
            } else if (fin) {
                out.add(sink.finish(true));
                message = null;
            }
        }
        sink = null;
        payload = NONE;
        state = State.HEADER;
    }

    /** The reason of a Close frame; §5.5.1: it must be UTF-8. */
    private String reason(ByteRange.InStream data) {
        int n = payload.length - 2;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload, 2, n)).toString();
        } catch (CharacterCodingException e) {
            add(WsFrameFinding.CLOSE_REASON_UTF8.at(data.slice(2, payloadRead - 2)));
            return new String(payload, 2, n, StandardCharsets.UTF_8);
        }
    }

    /** §5.5.2, §5.5.3: pings wait for the other side's pong; a close leaves the peer's pings unanswered. */
    private void pingPong(ByteRange.InStream range) {
        if (opcode == Opcode.PING) {
            if (pings.size() == MAX_PENDING_PINGS) {
                pings.removeFirst();
            }
            pings.addLast(new PendingPing(payload, range));
        } else if (opcode == Opcode.PONG) {
            ByteRange.InStream data = ByteRange.of(dir, frameOffset + headerLength(), payloadRead);
            if (peer.pings.isEmpty()) {
                add(WsFrameFinding.PONG_UNSOLICITED.at(data));
            } else if (!peer.answered(payload)) {
                add(WsFrameFinding.PONG_MISMATCH.at(data));
            }
        } else if (opcode == Opcode.CLOSE) {
            for (PendingPing p : peer.pings) {
                add(WsFrameFinding.PING_UNANSWERED.at(p.range(), p.range().offset()));
            }
            peer.pings.clear();
            closed = true;
        }
    }

    /** Removes the ping a pong with {@code payload} answers, and the older ones (§5.5.3); false if none. */
    private boolean answered(byte[] pongPayload) {
        int k = 0;
        for (Iterator<PendingPing> it = pings.iterator(); it.hasNext(); k++) {
            if (Arrays.equals(it.next().payload(), pongPayload)) {
                for (int drop = 0; drop <= k; drop++) {
                    pings.removeFirst();
                }
                return true;
            }
        }
        return false;
    }

    private void add(Finding f) {
        if (findings == null) {
            findings = new ArrayList<>(2);
        }
        findings.add(f);
    }
}
