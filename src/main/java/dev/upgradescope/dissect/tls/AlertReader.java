package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.List;

/** Reads a plaintext alert record (RFC 8446 §6, RFC 5246 §7.2): level and description pairs. */
final class AlertReader {

    private AlertReader() {
    }

    static RecordContent read(byte[] b, int from, int len, ByteRange.InStream fragment) {
        if (len == 0) {
            // RFC 8446 §5.1: zero-length alert fragments must not be sent
            return new RecordContent(List.of(), List.of(TlsFinding.RECORD_EMPTY.at(fragment, "alert")), null,
                    "Alert (empty)");
        }
        List<Field> fields = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        String first = null;
        int i = 0;
        for (; i + 2 <= len; i += 2) {
            int level = b[from + i] & 0xFF;
            int desc = b[from + i + 1] & 0xFF;
            String text = TlsRegistry.alertLevel(level) + " " + TlsRegistry.alertDescription(desc);
            Field.Builder f = Field.builder("Alert", text, fragment.slice(i, 2));
            f.leaf("Level", TlsRegistry.alertLevel(level) + " (" + level + ")", fragment.slice(i, 1));
            f.leaf("Description", TlsRegistry.alertDescription(desc) + " (" + desc + ")", fragment.slice(i + 1, 1));
            if (level == 2) {
                // RFC 8446 §6.2: after a fatal alert the connection is closed
                f.finding(TlsFinding.ALERT_FATAL.at(fragment.slice(i, 2), TlsRegistry.alertDescription(desc)));
            }
            fields.add(f.build());
            first = first == null ? text : first;
        }
        if (i < len) {
            fields.add(Field.leaf("Trailing bytes", (len - i) + " bytes", fragment.slice(i, len - i)));
        }
        return new RecordContent(fields, findings, null, first == null ? "Alert " + len + " bytes" : "Alert " + first);
    }
}
