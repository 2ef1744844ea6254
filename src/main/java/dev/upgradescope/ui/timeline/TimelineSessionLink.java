package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.session.ConnectionDetail;
import dev.upgradescope.ui.session.ConnectionItem;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.ui.session.Selection;
import dev.upgradescope.ui.session.SessionModel;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;

/**
 * Keeps the timeline and the inspected session in step: lanes follow the connections list (synced
 * once per pulse, however many rows changed), the session file feeds the timeline's reader, and
 * selection goes both ways — a clicked mark selects its connection and then its event once the
 * connection's detail is loaded; a connection or event selected elsewhere is highlighted here.
 */
final class TimelineSessionLink {

    private final InspectedSession session;
    private final TimelineViewModel vm;
    private final SessionPages pages;
    private final Runnable wake;
    private boolean rowsDirty = true;
    private boolean fromOutside;
    private MarkRef waitingForDetail;

    private final ListChangeListener<ConnectionItem> rowsChanged = this::rowsChanged;
    private final ChangeListener<Path> fileChanged = this::fileChanged;
    private final ChangeListener<MarkRef> markSelected = this::markSelected;
    private final ChangeListener<ConnectionItem> connectionSelected = this::connectionSelected;
    private final ChangeListener<ConnectionDetail> detailLoaded = this::detailLoaded;
    private final ChangeListener<EventRow> eventSelected = this::eventSelected;

    /** {@code wake} asks the view for a pulse (rows changed). */
    TimelineSessionLink(InspectedSession session, TimelineViewModel vm, SessionPages pages, Runnable wake) {
        this.session = session;
        this.vm = vm;
        this.pages = pages;
        this.wake = wake;
    }

    private void rowsChanged(ListChangeListener.Change<? extends ConnectionItem> c) {
        rowsDirty = true;
        wake.run();
    }

    private void fileChanged(ObservableValue<? extends Path> obs, Path was, Path now) {
        pages.use(now);
        vm.reset();
        rowsDirty = true;
        wake.run();
    }

    private void markSelected(ObservableValue<? extends MarkRef> obs, MarkRef was, MarkRef now) {
        if (!fromOutside && now != null) {
            userSelected(now);
        }
    }

    private void connectionSelected(ObservableValue<? extends ConnectionItem> obs, ConnectionItem was,
                                    ConnectionItem now) {
        if (now != null && waitingForDetail == null) {
            outside(() -> vm.selectConnection(now.id()));
        }
    }

    private void detailLoaded(ObservableValue<? extends ConnectionDetail> obs, ConnectionDetail was,
                              ConnectionDetail now) {
        MarkRef m = waitingForDetail;
        if (now != null && m != null && now.row().id() == m.conn()) {
            waitingForDetail = null;
            if (m.isEvent()) {
                selectEvent(m);
            }
        }
    }

    private void eventSelected(ObservableValue<? extends EventRow> obs, EventRow was, EventRow now) {
        if (now != null) {
            outside(() -> vm.select(now.conn(), now.id()));
        }
    }

    private boolean bound;

    /** Starts following the session (when the view enters a scene). */
    void bind() {
        if (bound) {
            return;
        }
        bound = true;
        SessionModel model = session.model();
        Selection selection = session.selection();
        model.connections().addListener(rowsChanged);
        pages.use(session.fileProperty().get());
        session.fileProperty().addListener(fileChanged);
        vm.selectedProperty().addListener(markSelected);
        model.selectedProperty().addListener(connectionSelected);
        selection.detailProperty().addListener(detailLoaded);
        selection.eventProperty().addListener(eventSelected);
        rowsDirty = true;
        wake.run();
    }

    /** Stops following the session (the view left its scene, e.g. when the window is rebuilt). */
    void unbind() {
        if (!bound) {
            return;
        }
        bound = false;
        SessionModel model = session.model();
        Selection selection = session.selection();
        model.connections().removeListener(rowsChanged);
        session.fileProperty().removeListener(fileChanged);
        vm.selectedProperty().removeListener(markSelected);
        model.selectedProperty().removeListener(connectionSelected);
        selection.detailProperty().removeListener(detailLoaded);
        selection.eventProperty().removeListener(eventSelected);
    }

    /** Called once per pulse: brings the lanes up to date if rows changed. */
    void pulse() {
        if (bound && rowsDirty) {
            rowsDirty = false;
            List<ConnectionItem> items = session.model().connections();
            vm.setConnections(items.stream().map(ConnectionItem::row).toList());
        }
    }

    private void userSelected(MarkRef m) {
        SessionModel model = session.model();
        ConnectionItem item = model.item(m.conn());
        if (item == null) {
            return;
        }
        if (model.selectedProperty().get() != item) {
            waitingForDetail = m;
            model.selectedProperty().set(item);
        } else if (m.isEvent()) {
            selectEvent(m);
        }
    }

    private void selectEvent(MarkRef m) {
        session.background().task(() -> session.source().reader().event(m.eventId()).orElse(null)).onSuccess((EventRow row) -> {
            MarkRef now = vm.selectedProperty().get();
            if (row != null && m.equals(now)) {
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
