package dev.upgradescope.ui.messages;

import dev.upgradescope.capture.EventRow;

/**
 * The selected event with its bytes: {@code wire} as they travelled (capped), and {@code payload}
 * the decoded application payload stored with a message (reassembled, inflated), or null.
 */
public record EventDetail(EventRow event, byte[] wire, byte[] payload) {
}
