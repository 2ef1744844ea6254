package dev.upgradescope.ui.messages;

import dev.upgradescope.capture.EventRow;

/** Row {@code index} of the messages list: its event, or null while its page is being fetched. */
public record EventSlot(int index, long id, EventRow row) {

    public boolean loaded() {
        return row != null;
    }
}
