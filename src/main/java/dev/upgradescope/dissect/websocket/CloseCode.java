package dev.upgradescope.dissect.websocket;

/**
 * Close status codes (RFC 6455 §7.4): their registered names and whether a code may appear on the
 * wire in a Close frame.
 */
final class CloseCode {

    private CloseCode() {
    }

    /** The registered name of {@code code}, or an empty string. */
    static String name(int code) {
        return switch (code) {
            case 1000 -> "Normal Closure";
            case 1001 -> "Going Away";
            case 1002 -> "Protocol error";
            case 1003 -> "Unsupported Data";
            case 1004 -> "Reserved";
            case 1005 -> "No Status Rcvd";
            case 1006 -> "Abnormal Closure";
            case 1007 -> "Invalid frame payload data";
            case 1008 -> "Policy Violation";
            case 1009 -> "Message Too Big";
            case 1010 -> "Mandatory Ext.";
            case 1011 -> "Internal Error";
            case 1012 -> "Service Restart";
            case 1013 -> "Try Again Later";
            case 1014 -> "Bad Gateway";
            case 1015 -> "TLS handshake";
            default -> code >= 3000 && code <= 3999 ? "registered by IANA"
                    : code >= 4000 && code <= 4999 ? "private use" : "";
        };
    }

    /** What is wrong with sending {@code code} in a Close frame, or null when it is allowed. */
    static WsFrameFinding problem(int code) {
        if (code == 1004 || code == 1005 || code == 1006 || code == 1015) {
            return WsFrameFinding.CLOSE_CODE_RESERVED; // §7.4.1: never set in a Close frame
        }
        if (code < 1000 || code >= 5000) {
            return WsFrameFinding.CLOSE_CODE_INVALID; // §7.4.2: 0-999 not used, nothing above 4999
        }
        if (code >= 1016 && code <= 2999) {
            return WsFrameFinding.CLOSE_CODE_UNREGISTERED; // §7.4.2: reserved for this protocol
        }
        return null;
    }
}
