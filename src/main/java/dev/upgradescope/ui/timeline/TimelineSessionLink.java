package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.session.ConnectionItem;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.ui.session.SessionModel;
import dev.upgradescope.ui.session.Selection;
import java.util.List;
import dev.upgradescope.ui.session.ConnectionDetail;
import java.nio.file.Path;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;

/**
 * Keeps the timeline and the inspected session in step: lanes follow the connections list (synced
 * once per pulse, however many rows changed), the session file feeds the timeline's reader, and
 * selection goes both ways — a clicked mark selects its connection and then its event once the
 * connection's detail is loaded; a connection or event selected elsewhere is highlighted here.
 */
final class TimelineSessionLink {

    private final InspectedSession session;
    private TimelineViewModel vm; // not final: read by the listeners below, built before the constructor runs
    private SessionPages pages;
    private boolean rowsDirty = true;
    private boolean fromOutside;
    private MarkRef waitingForDetail;

    TimelineSessionLink(InspectedSession session, TimelineViewModel vm, SessionPages pages) {
        this.session = session;
        this.vm = vm;
        this.pages = pages;
    }

    private final ListChangeListener<ConnectionItem> rowsChanged = c -> rowsDirty = true;
    private final ChangeListener<Path> fileChanged = (obs, was, now) -> {
        this.pages.use(now);
        this.vm.reset();
        rowsDirty = true;
    };
    private final ChangeListener<MarkRef> markSelected = (obs, was, now) -> {
        if (!fromOutside && now != null) {
            userSelected(now);
        }
    };
    private final ChangeListener<ConnectionItem> connectionSelected = (obs, was, now) -> {
        if (now != null && waitingForDetail == null) {
            outside(() -> this.vm.selectConnection(now.id()));
        }
    };
    private final ChangeListener<ConnectionDetail> detailLoaded = (obs, was, now) -> {
        MarkRef m = waitingForDetail;
        if (now != null && m != null && now.row().id() == m.conn()) {
            waitingForDetail = null;
            if (m.isEvent()) {
                selectEvent(m);
            }
        }
    };
    private final ChangeListener<EventRow> eventSelected = (obs, was, now) -> {
        if (now != null) {
            outside(() -> this.vm.select(now.conn(), now.id()));
        }
    };
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
