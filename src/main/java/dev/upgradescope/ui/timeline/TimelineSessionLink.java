package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.session.ConnectionItem;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.ui.session.SessionModel;
import dev.upgradescope.ui.session.Selection;
import java.util.List;
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
    private boolean rowsDirty = true;
    private boolean fromOutside;
    private MarkRef waitingForDetail;

    TimelineSessionLink(InspectedSession session, TimelineViewModel vm, SessionPages pages) {
        this.session = session;
        this.vm = vm;
        this.pages = pages;
    }

    void bind() {
        SessionModel model = session.model();
        Selection selection = session.selection();
        model.connections().addListener((ListChangeListener<ConnectionItem>) c -> rowsDirty = true);
        pages.use(session.fileProperty().get());
        session.fileProperty().addListener((obs, was, now) -> {
            pages.use(now);
            vm.reset();
            rowsDirty = true;
        });
        vm.selectedProperty().addListener((obs, was, now) -> {
            if (!fromOutside && now != null) {
                userSelected(now);
            }
        });
        model.selectedProperty().addListener((obs, was, now) -> {
            if (now != null && waitingForDetail == null) {
                outside(() -> vm.selectConnection(now.id()));
            }
        });
        selection.detailProperty().addListener((obs, was, now) -> {
            MarkRef m = waitingForDetail;
            if (now != null && m != null && now.row().id() == m.conn()) {
                waitingForDetail = null;
                if (m.isEvent()) {
                    selectEvent(m);
                }
            }
        });
        selection.eventProperty().addListener((obs, was, now) -> {
            if (now != null) {
                outside(() -> vm.select(now.conn(), now.id()));
            }
        });
    }

    /** Called once per pulse: brings the lanes up to date if rows changed. */
    void pulse() {
        if (rowsDirty) {
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
