package dev.upgradescope.ui.ladder;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.session.ConnectionItem;
import dev.upgradescope.ui.session.InspectedSession;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * Keeps the ladder on the session's selected connection (reading on as it grows) and its selected
 * step in step with the session's selected event, both ways.
 */
final class LadderSessionLink {

    private final InspectedSession session;
    private final LadderViewModel vm;
    private ConnectionItem shown;
    private boolean fromOutside;
    private boolean bound;

    private final ChangeListener<ConnectionRow> rowChanged = this::rowChanged;
    private final ChangeListener<ConnectionItem> connectionSelected = this::connectionSelected;
    private final ChangeListener<EventRow> eventSelected = this::eventSelected;
    private final ChangeListener<LadderStep> stepSelected = this::stepSelected;

    LadderSessionLink(InspectedSession session, LadderViewModel vm) {
        this.session = session;
        this.vm = vm;
    }

    private void rowChanged(ObservableValue<? extends ConnectionRow> obs, ConnectionRow was, ConnectionRow now) {
        vm.updated(now);
    }

    private void connectionSelected(ObservableValue<? extends ConnectionItem> obs, ConnectionItem was,
                                    ConnectionItem now) {
        show(now);
    }

    private void eventSelected(ObservableValue<? extends EventRow> obs, EventRow was, EventRow now) {
        ConnectionRow shownRow = vm.connectionProperty().get();
        if (now != null && !fromOutside && shownRow != null && now.conn() == shownRow.id()) {
            outside(() -> vm.select(now.id()));
        }
    }

    private void stepSelected(ObservableValue<? extends LadderStep> obs, LadderStep was, LadderStep now) {
        if (now != null && now.isEvent() && !fromOutside) {
            selectEvent(now);
        }
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
