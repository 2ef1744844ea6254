package dev.upgradescope.ui.session;

import dev.upgradescope.capture.CaptureFailure;
import dev.upgradescope.capture.CaptureFolder;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.proxy.LiveCapture;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.fx.FxBatcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The session the window inspects, and every action on it: start and stop a capture, open and save
 * a session file, clear, and load the detail of the selected connection. Lives as long as the
 * application (views come and go when the language changes). Methods are called on the FX thread;
 * file and network work goes through {@link Background}.
 */
public final class InspectedSession implements AutoCloseable {

    private final Background background;
    private final ConnectionDissection.Factory dissections;
    private final Path captureDir;
    private final SessionModel model = new SessionModel();
    private final Selection selection = new Selection();
    private final SessionFeed feed;
    private final SessionSource source = new SessionSource();
    private final ConnectionReplay replay;
    private final Background.Latest detailLoads;
    private final ReadOnlyBooleanWrapper capturing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<InetSocketAddress> address = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private LiveCapture capture;

    public InspectedSession(Background background, FxBatcher.Timer timer, ConnectionDissection.Factory dissections,
                            Path captureDir) {
        this.background = background;
        this.dissections = dissections;
        this.captureDir = captureDir;
        this.replay = new ConnectionReplay(dissections);
        this.detailLoads = background.latest();
        this.feed = new SessionFeed(timer, background.fx(), changes -> {
            model.apply(changes);
            if (!changes.watchedNotes().isEmpty()) {
                reloadDetail(); // the findings panel lists the notes that report failures
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> selected(now));
        model.failureProperty().addListener((obs, old, now) -> {
            if (now != null) {
                problem.set(new Problem(now.code().equals(CaptureFailure.FULL) ? "problem.store.full"
                        : "problem.store.failed", now.detail()));
            }
        });
        model.connections().addListener((javafx.collections.ListChangeListener<ConnectionItem>) c -> {
            while (c.next()) {
                if (c.wasUpdated()) {
                    refreshIfIncomplete(c.getList().subList(c.getFrom(), c.getTo()));
                }
            }
        });
    }

    public SessionModel model() {
        return model;
    }

    public Selection selection() {
        return selection;
    }

    public Background background() {
        return background;
    }

    /** The worker's view of the session file; touch it only from tasks of {@link #background()}. */
    public SessionSource source() {
        return source;
    }

    public ReadOnlyBooleanProperty capturingProperty() {
        return capturing.getReadOnlyProperty();
    }

    /** True while a start, stop, open or save is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Where the running capture listens. */
    public ReadOnlyObjectProperty<InetSocketAddress> addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** The session file being shown (recorded or opened), if any. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void startCapture(CaptureSettings settings) {
        if (capturing.get() || busy.get()) {
            return;
        }
        busy.set(true);
        problem.set(null);
        model.replaceAll(List.of(), Map.of());
        selection.reset(null);
        background.task(() -> {
            Path folder = CaptureFolder.forCurrentUser().prepare(captureDir);
            LiveCapture c = LiveCapture.start(settings.proxyConfig(), CaptureFolder.newSessionFile(folder),
                    dissections, List.of(feed));
            source.use(c.file());
            return c;
        }).onSuccess(c -> {
            capture = c;
            busy.set(false);
            capturing.set(true);
            address.set(c.address());
            file.set(c.file());
        }).onFailure(e -> {
            busy.set(false);
            problem.set(new Problem("problem.capture.start", e.getMessage()));
        }).start();
    }

    public void stopCapture() {
        if (capture == null || busy.get()) {
            return;
        }
        LiveCapture c = capture;
        busy.set(true);
        background.task(() -> {
            c.close();
            return c;
        }).onSuccess(done -> stopped()).onFailure(e -> {
            stopped();
            problem.set(new Problem("problem.capture.stop", e.getMessage()));
        }).start();
    }

    private void stopped() {
        capture = null;
        busy.set(false);
        capturing.set(false);
        address.set(null);
    }

    /** Opens a session file (stopping a running capture first). */
    public void open(Path path) {
        if (busy.get()) {
            return;
        }
        LiveCapture running = capture;
        busy.set(true);
        problem.set(null);
        background.task(() -> {
            if (running != null) {
                running.close();
            }
            source.use(path);
            return readAll(source.reader());
        }).onSuccess(loaded -> {
            stopped();
            model.replaceAll(loaded.rows, loaded.keywords);
            selection.reset(null);
            file.set(path);
        }).onFailure(e -> {
            stopped();
            problem.set(new Problem("problem.open", e.getMessage()));
        }).start();
    }

    /** Copies the shown session file to {@code target}; only when no capture is running. */
    public void saveAs(Path target) {
        Path current = file.get();
        if (current == null || capturing.get() || busy.get()) {
            return;
        }
        busy.set(true);
        background.task(() -> {
            source.close(); // lets SQLite fold its write-ahead log into the file
            Files.copy(current, target, StandardCopyOption.REPLACE_EXISTING);
            Path wal = current.resolveSibling(current.getFileName() + "-wal");
            Path targetWal = target.resolveSibling(target.getFileName() + "-wal");
            if (Files.exists(wal) && Files.size(wal) > 0) {
                Files.copy(wal, targetWal, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(targetWal);
            }
            return target;
        }).onSuccess(t -> busy.set(false)).onFailure(e -> {
            busy.set(false);
            problem.set(new Problem("problem.save", e.getMessage()));
        }).start();
    }

    /** Hides the connections shown so far; a running capture goes on. */
    public void clear() {
        model.clear();
        selection.reset(null);
    }

    /** Loads the detail of the selected connection again (after it changed). */
    public void reloadDetail() {
        ConnectionItem item = model.selectedProperty().get();
        if (item != null) {
            load(item, false);
        }
    }

    private void selected(ConnectionItem item) {
        feed.watch(item == null ? -1 : item.id());
        selection.reset(null);
        if (item != null) {
            load(item, true);
        }
    }

    private void load(ConnectionItem item, boolean fresh) {
        ConnectionRow row = item.row();
        LiveCapture live = capture;
        detailLoads.task(() -> {
            if (live != null) {
                live.flush();
            }
            return replay.derive(source.reader(), row);
        }).onSuccess(detail -> {
            if (fresh) {
                selection.reset(detail);
            } else {
                selection.detailProperty().set(detail);
            }
        }).onFailure(e -> problem.set(new Problem("problem.read", e.getMessage()))).start();
    }

    private void refreshIfIncomplete(List<? extends ConnectionItem> updated) {
        ConnectionItem sel = model.selectedProperty().get();
        ConnectionDetail detail = selection.detailProperty().get();
        if (sel == null || detail == null || !updated.contains(sel)) {
            return;
        }
        if (detail.httpMessages().size() < 2 || detail.row().closed() != sel.row().closed()) {
            load(sel, false);
        }
    }

    /** Connections of a session with the filter words of their first events. */
    private record Loaded(List<ConnectionRow> rows, Map<Long, Set<String>> keywords) {
    }

    private static Loaded readAll(SessionReader reader) throws IOException {
        List<ConnectionRow> rows = new ArrayList<>();
        for (long skip = 0; ; skip += 1000) {
            List<ConnectionRow> page = reader.connections(skip, 1000);
            rows.addAll(page);
            if (page.size() < 1000) {
                break;
            }
        }
        Map<Long, Set<String>> keywords = new HashMap<>();
        for (ConnectionRow row : rows) {
            Set<String> words = new LinkedHashSet<>();
            for (EventRow e : reader.events(row.id(), 0, 8)) {
                words.addAll(Keywords.of(e));
            }
            keywords.put(row.id(), words);
        }
        return new Loaded(rows, keywords);
    }

    /** Stops a running capture and closes the reader (at exit). */
    @Override
    public void close() throws IOException {
        LiveCapture c = capture;
        capture = null;
        if (c != null) {
            c.close();
        }
        source.close();
        background.close();
    }
}
