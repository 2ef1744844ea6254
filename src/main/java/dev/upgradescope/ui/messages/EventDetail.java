package dev.upgradescope.ui.messages;

import dev.upgradescope.capture.EventRow;

/**
 * The selected event with its bytes: {@code wire} as they travelled (capped), and {@code payload}
 * the decoded application payload (a binary message's stored payload, reassembled and inflated, or
 * a text message's text), or null.
 */
public record EventDetail(EventRow event, byte[] wire, byte[] payload) {
}
