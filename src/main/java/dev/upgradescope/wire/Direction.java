package dev.upgradescope.wire;

/** Which of a connection's two byte streams a chunk, a range or a unit belongs to. */
public enum Direction {
    /** Bytes the client sent towards the server. */
    C2S("c2s"),
    /** Bytes the server sent towards the client. */
    S2C("s2c");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    /** The short stable name used in JSON and file formats: {@code c2s} or {@code s2c}. */
    public String code() {
        return code;
    }

    public Direction opposite() {
        return this == C2S ? S2C : C2S;
    }

    public static Direction fromCode(String code) {
        for (Direction d : values()) {
            if (d.code.equalsIgnoreCase(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a direction: " + code);
    }
}
