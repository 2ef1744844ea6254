package dev.upgradescope.ui.messages;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.NoteRow;

/**
 * Row {@code index} of the messages list: an event ({@code id}, and its {@code row}, or null while
 * its page is being fetched), or a note the proxy made ({@code note}; {@code id} is then -1).
 */
public record EventSlot(int index, long id, EventRow row, NoteRow note) {

    public EventSlot(int index, long id, EventRow row) {
        this(index, id, row, null);
    }

    /** True for a note's row and for an event whose row is there. */
    public boolean loaded() {
        return row != null || note != null;
    }

    public boolean isNote() {
        return note != null;
    }
}
