package dev.upgradescope.ui.messages;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.capture.StoredFramePayload;
import dev.upgradescope.dissect.websocket.WsMessage;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.session.ConnectionItem;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.ui.session.NoteText;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The messages tab: every event of the selected connection, paged from the session file (never all
 * in memory), with the proxy's notes among them, filtered by direction and text, growing live while
 * recording; and the selected event's bytes and decoded payload, loaded off the FX thread.
 */
public final class MessagesViewModel {

    /** Events read per step of the index scan. */
    static final int SCAN = 2_000;
    static final int WIRE_CAP = 64 * 1024;

    private final InspectedSession session;
    private final Background background;
    private final MessageRows pages = new MessageRows();
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<EventDetail> detail = new ReadOnlyObjectWrapper<>();
    private final Background.Latest detailLoads;
    /** The scan and the page reads of the shown connection and filter; a restart drops them. */
    private final Background.Generation reads;
    private final List<EventRow> heldLive = new ArrayList<>();
    private final List<NoteRow> heldNotes = new ArrayList<>();
    private final java.util.ResourceBundle texts;
    private ConnectionRow connection;
    private EventFilter filter = EventFilter.NONE;

    /** {@code texts} is the UI bundle, where the texts of the proxy's notes are. */
    public MessagesViewModel(InspectedSession session, java.util.ResourceBundle texts) {
        this.session = session;
        this.texts = texts;
        this.background = session.background();
        this.detailLoads = background.latest();
        this.reads = background.generation();
        pages.fetcher(this::fetch);
        session.model().selectedProperty().addListener((obs, old, now) -> connection(now));
        session.model().onLiveEvents(this::live);
        session.model().onLiveNotes(this::liveNotes);
        direction.addListener((obs, old, now) -> refilter());
        text.addListener((obs, old, now) -> refilter());
        connection(session.model().selectedProperty().get());
    }

    public MessageRows rows() {
        return pages;
    }

    /** Only events of this direction (null: both). */
    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** True while the index of the connection's events is being built. */
    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EventDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ConnectionRow connection() {
        return connection;
    }

    private void connection(ConnectionItem item) {
        connection = item == null ? null : item.row();
        restart();
    }

    private void refilter() {
        filter = new EventFilter(direction.get(), text.get());
        restart();
    }

    private void restart() {
        reads.next();
        heldLive.clear();
        heldNotes.clear();
        pages.reset(filter.isEmpty());
        detail.set(null);
        if (connection == null) {
            scanning.set(false);
            return;
        }
        scanning.set(true);
        scan(connection.id(), 0);
    }

    /**
     * One step of the scan: the next events after {@code afterId} (only their ids when nothing is
     * filtered: rows are read page by page as they are shown); the next step is queued behind page
     * fetches. At the end, the connection's notes are placed among the events.
     */
    private void scan(long conn, long afterId) {
        if (filter.isEmpty()) {
            reads.task(() -> session.source().reader().eventIds(conn, afterId, SCAN)).onSuccess(ids -> {
                pages.appendIds(ids);
                scanned(conn, ids.length == SCAN ? ids[ids.length - 1] : -1);
            }).onFailure(e -> scanning.set(false)).start();
            return;
        }
        reads.task(() -> session.source().reader().events(conn, afterId, SCAN)).onSuccess(rows -> {
            pages.append(rows.stream().filter(filter::test).toList());
            scanned(conn, rows.size() == SCAN ? rows.get(rows.size() - 1).id() : -1);
        }).onFailure(e -> scanning.set(false)).start();
    }

    /** After one step: scans on after {@code lastId}, or (-1) reads the notes and ends the scan. */
    private void scanned(long conn, long lastId) {
        if (lastId >= 0) {
            scan(conn, lastId);
            return;
        }
        reads.task(() -> placedNotes(session.source().reader(), conn)).onSuccess(placed -> {
            placed.forEach((note, after) -> {
                if (showsNote(note)) {
                    pages.addNote(note, after);
                }
            });
            scanning.set(false);
            List<EventRow> held = new ArrayList<>(heldLive);
            heldLive.clear();
            live(held);
            List<NoteRow> notes = new ArrayList<>(heldNotes);
            heldNotes.clear();
            liveNotes(notes);
        }).onFailure(e -> scanning.set(false)).start();
    }

    /** The notes of {@code conn}, each with the id of the last event recorded before it. */
    static java.util.Map<NoteRow, Long> placedNotes(SessionReader reader, long conn) throws java.io.IOException {
        java.util.Map<NoteRow, Long> out = new java.util.LinkedHashMap<>();
        for (NoteRow n : reader.notes(conn)) {
            out.put(n, reader.lastEventIdAt(conn, n.nanos()));
        }
        return out;
    }

    /** Whether the filter lets a note through: no direction chosen, and the text in its code or words. */
    boolean showsNote(NoteRow n) {
        if (filter.dir() != null) {
            return false;
        }
        String t = filter.text();
        return t.isEmpty() || (NoteText.KIND + " " + n.code() + " " + NoteText.line(texts, n))
                .toLowerCase(java.util.Locale.ROOT).contains(t);
    }

    /** Notes of the selected connection made just now: listed after the events listed so far. */
    void liveNotes(List<NoteRow> notes) {
        if (connection == null || notes.isEmpty()) {
            return;
        }
        if (scanning.get()) {
            heldNotes.addAll(notes);
            return;
        }
        for (NoteRow n : notes) {
            if (n.conn() == connection.id() && showsNote(n)) {
                pages.addNote(n, Long.MAX_VALUE);
            }
        }
    }

    /** A note's one-line text in the window's language. */
    public String noteText(NoteRow n) {
        return NoteText.line(texts, n);
    }

    /** Events of the selected connection recorded just now. */
    void live(List<EventRow> rows) {
        if (connection == null || rows.isEmpty()) {
            return;
        }
        if (scanning.get()) {
            heldLive.addAll(rows);
            return;
        }
        pages.append(rows.stream().filter(r -> r.conn() == connection.id()).filter(filter::test).toList());
    }

    private void fetch(int page, long[] ids, boolean contiguous) {
        if (connection == null || ids.length == 0) {
            return;
        }
        long conn = connection.id();
        reads.task(() -> read(session.source().reader(), conn, ids, contiguous))
                .onSuccess(rows -> pages.arrived(page, rows)).start();
    }

    static List<EventRow> read(SessionReader reader, long conn, long[] ids, boolean contiguous)
            throws java.io.IOException {
        if (contiguous) {
            return reader.events(conn, ids[0] - 1, ids.length);
        }
        List<EventRow> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            reader.event(id).ifPresent(out::add);
        }
        return out;
    }

    /** The user selected an event: highlight its bytes and load them with its payload. */
    public void select(EventRow event) {
        session.selection().eventProperty().set(event);
        if (event == null) {
            detail.set(null);
            return;
        }
        if (event.dir() != null && event.length() > 0) {
            session.selection().fieldProperty().set(null);
            session.selection().highlightProperty().set(ByteRange.of(event.dir(), event.offset(), event.length()));
        }
        detailLoads.task(() -> {
            SessionReader r = session.source().reader();
            byte[] wire = event.dir() == null ? new byte[0]
                    : r.bytes(event.conn(), event.dir(), event.offset(), (int) Math.min(event.length(), WIRE_CAP));
            byte[] payload = event.payloadSize() >= 0 ? r.payload(event.id()).orElse(null) : null;
            if (payload == null) {
                payload = textOf(event);
            }
            if (payload == null && UnitKind.WS_FRAME.code().equals(event.kind())) {
                payload = StoredFramePayload.of(event, wire);
            }
            return new EventDetail(event, wire, payload);
        }).onSuccess(detail::set).start();
    }

    /** A text message's decoded text, which is kept in its {@code text} attribute rather than as a payload. */
    static byte[] textOf(EventRow e) {
        return e.get(WsMessage.TEXT).map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
    }

    /** The event's attributes as {@code name: value} lines, as the command line's JSON shows them. */
    public static String attributes(EventRow e) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> a : e.attributes().entrySet()) {
            sb.append(a.getKey()).append(": ").append(a.getValue()).append('\n');
        }
        return sb.toString();
    }

    /** Milliseconds from the connection's opening to the event. */
    public String time(EventRow e) {
        return time(e.nanos());
    }

    /** Milliseconds from the connection's opening to {@code nanos} on the session clock. */
    public String time(long nanos) {
        if (connection == null) {
            return "";
        }
        return millis(nanos - connection.openedNanos());
    }

    /** Nanoseconds as milliseconds with three decimals ({@code 1.234}), as {@code %.3f} would write them. */
    static String millis(long nanos) {
        // by hand: String.format costs more than the rest of a cell's update while scrolling
        long micros = Math.round(nanos / 1e3);
        long abs = Math.abs(micros);
        long frac = abs % 1000;
        return (micros < 0 ? "-" : "") + abs / 1000 + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac;
    }
}
