package dev.upgradescope.dissect.websocket;

/** The frame opcodes of RFC 6455 §5.2 and their names as frame summaries print them. */
public final class Opcode {

    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private Opcode() {
    }

    /** Control frames have the high bit of the opcode set (§5.5). */
    static boolean isControl(int opcode) {
        return (opcode & 0x8) != 0;
    }

    static boolean isData(int opcode) {
        return opcode == TEXT || opcode == BINARY;
    }

    /** One of the six opcodes RFC 6455 defines; the others are reserved (§5.2). */
    static boolean isDefined(int opcode) {
        return opcode <= BINARY || (opcode >= CLOSE && opcode <= PONG);
    }

    /** Upper-case name, or {@code RESERVED-0xN} for a reserved opcode. */
    static String name(int opcode) {
        return switch (opcode) {
            case CONTINUATION -> "CONTINUATION";
            case TEXT -> "TEXT";
            case BINARY -> "BINARY";
            case CLOSE -> "CLOSE";
            case PING -> "PING";
            case PONG -> "PONG";
            default -> "RESERVED-0x" + Integer.toHexString(opcode).toUpperCase();
        };
    }
}
