package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.fx.Background;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The mark under the pointer and a line about it: its connection, kind, direction and time at once,
 * then the event's summary once it is read from the store (the last few hundred are kept). FX
 * thread only; reads run on the timeline's background.
 */
final class MarkHover {

    private static final int SUMMARIES_KEPT = 512;

    private final StoredEvents pages;
    private final Background.Generation reads;
    private final ResourceBundle texts;
    private final LongSupplier origin;
    final ReadOnlyObjectWrapper<MarkRef> hovered = new ReadOnlyObjectWrapper<>();
    final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final Map<Long, String> summaries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > SUMMARIES_KEPT;
        }
    };

    /** {@code reads} is shared with the mark loader: a new session drops both. */
    MarkHover(StoredEvents pages, Background.Generation reads, ResourceBundle texts, LongSupplier origin) {
        this.pages = pages;
        this.reads = reads;
        this.texts = texts;
        this.origin = origin;
    }

    /** Forgets the summaries read (another session). */
    void clear() {
        summaries.clear();
        set(null);
    }

    void set(MarkRef m) {
        if (Objects.equals(m, hovered.get())) {
            return;
        }
        hovered.set(m);
        if (m == null) {
            hoverText.set("");
            return;
        }
        hoverText.set(describe(m, null));
        if (m.isEvent()) {
            String known = summaries.get(m.eventId());
            if (known != null) {
                hoverText.set(describe(m, known));
            } else {
                readSummary(m);
            }
        }
    }

    private void readSummary(MarkRef m) {
        reads.task(() -> pages.event(m.eventId()).map(EventRow::summary).orElse(""))
                .onSuccess(summary -> summaryRead(m, summary))
                .onFailure(e -> summaryRead(m, ""))
                .start();
    }

    private void summaryRead(MarkRef m, String summary) {
        summaries.put(m.eventId(), summary);
        if (m.equals(hovered.get())) {
            hoverText.set(describe(m, summary));
        }
    }

    /** One line about a mark: connection, kind, direction, relative time, and the summary when known. */
    String describe(MarkRef m, String summary) {
        String dir = texts.getString("track." + m.track().name().toLowerCase(Locale.ROOT));
        String line = MessageFormat.format(texts.getString("hover.mark"), String.valueOf(m.conn()),
                texts.getString(m.kind().textKey()), dir, TimeText.of(m.nanos() - origin.getAsLong()));
        return summary == null || summary.isEmpty() ? line : line + " — " + summary;
    }
}
