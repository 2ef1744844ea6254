package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.List;

/** What a record's fragment was read as: its fields, record-level findings, a hello if any, and the summary. */
record RecordContent(List<Field> fields, List<Finding> findings, TlsHello hello, String summary) {

    RecordContent {
        fields = List.copyOf(fields);
        findings = List.copyOf(findings);
    }
}
