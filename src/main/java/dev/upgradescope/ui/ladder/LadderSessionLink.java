package dev.upgradescope.ui.ladder;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.session.ConnectionItem;
import dev.upgradescope.ui.session.InspectedSession;
import javafx.beans.value.ChangeListener;

/**
 * Keeps the ladder on the session's selected connection (reading on as it grows) and its selected
 * step in step with the session's selected event, both ways.
 */
final class LadderSessionLink {

    private final InspectedSession session;
    private LadderViewModel vm; // not final: read by the listeners below, built before the constructor runs
    private ConnectionItem shown;
    private boolean fromOutside;
    private boolean bound;

    private final ChangeListener<ConnectionRow> rowChanged = (obs, was, now) -> this.vm.updated(now);
    private final ChangeListener<ConnectionItem> connectionSelected = (obs, was, now) -> show(now);
    private final ChangeListener<EventRow> eventSelected = (obs, was, now) -> {
        if (now != null && !fromOutside && this.vm.connectionProperty().get() != null
                && now.conn() == this.vm.connectionProperty().get().id()) {
            outside(() -> this.vm.select(now.id()));
        }
    };
    private final ChangeListener<LadderStep> stepSelected = (obs, was, now) -> {
        if (now != null && now.isEvent() && !fromOutside) {
            selectEvent(now);
        }
    };

    LadderSessionLink(InspectedSession session, LadderViewModel vm) {
        this.session = session;
        this.vm = vm;
    }

    void bind() {
        if (bound) {
            return;
        }
        bound = true;
        session.model().selectedProperty().addListener(connectionSelected);
        session.selection().eventProperty().addListener(eventSelected);
        vm.selectedProperty().addListener(stepSelected);
        show(session.model().selectedProperty().get());
    }

    void unbind() {
        if (!bound) {
            return;
        }
        bound = false;
        session.model().selectedProperty().removeListener(connectionSelected);
        session.selection().eventProperty().removeListener(eventSelected);
        vm.selectedProperty().removeListener(stepSelected);
        show(null);
    }

    private void show(ConnectionItem item) {
        if (shown != null) {
            shown.rowProperty().removeListener(rowChanged);
        }
        shown = item;
        if (item != null) {
            item.rowProperty().addListener(rowChanged);
        }
        vm.show(item == null ? null : item.row());
    }

    private void selectEvent(LadderStep step) {
        long conn = vm.connectionProperty().get().id();
        session.background().task(() -> session.source().reader().event(step.eventId()).orElse(null))
                .onSuccess((EventRow row) -> {
                    if (row != null && row.conn() == conn && step.equals(vm.selectedProperty().get())) {
                        outside(() -> session.selection().eventProperty().set(row));
                    }
                }).start();
    }

    private void outside(Runnable r) {
        fromOutside = true;
        try {
            r.run();
        } finally {
            fromOutside = false;
        }
    }
}
