package dev.upgradescope.proxy;

/**
 * The proxy's answer in its own name to a request it will not relay: the note recorded on the
 * connection ({@link NoteCode}), the whole response sent to the client, and the note's detail.
 */
record Refusal(String note, byte[] answer, String detail) {
}
