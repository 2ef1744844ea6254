package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.wire.Attribute;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one HTTP/1.1 exchange did with the upgrade mechanism: the protocols the client asked for
 * (in its order of preference), how the server answered, what the connection speaks afterwards,
 * every check of RFC 9110, RFC 6455/7692, RFC 7540/9113 and RFC 2817 as a finding on the bytes it
 * concerns, and the request and response field trees with decoded parts and findings hung in.
 *
 * <p>Analyse a request alone while its answer is awaited ({@link #ofRequest}), then the whole
 * exchange ({@link #of(HttpRequest, List, HttpResponse)}). Never throws on what the parser produced.
 *
 * <p>A value (equal when every part, trees included, is equal). The field trees are built the first
 * time one is asked for: a recorder that keeps only the verdict and the findings does not pay for
 * them. Safe to share between threads.
 */
public final class HandshakeAnalysis {

    private final List<AskedProtocol> asked;
    private final UpgradeOutcome outcome;
    private final OptionalInt status;
    private final SwitchedTo switchedTo;
    private final List<Finding> findings;
    /** What the trees are built from, until they are; null once built. */
    private volatile TreeSource source;
    private volatile Trees trees;
    private volatile Field tree;

    /** The three message trees, built together. */
    private record Trees(Field request, List<Field> interim, Optional<Field> response) {
    }

    /** The exchange and the decoded parts the checks made: enough to build the trees later. */
    private record TreeSource(Exchange exchange, Map<ByteRange.InStream, List<Field>> checkChildren) {
    }

    private HandshakeAnalysis(List<AskedProtocol> asked, UpgradeOutcome outcome, OptionalInt status,
                              SwitchedTo switchedTo, List<Finding> findings, TreeSource source) {
        this.asked = List.copyOf(asked);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.status = Objects.requireNonNull(status, "status");
        this.switchedTo = Objects.requireNonNull(switchedTo, "switchedTo");
        this.findings = List.copyOf(findings);
        this.source = source;
    }

    /** The request alone, before any answer: outcome {@link UpgradeOutcome#INCOMPLETE}. */
    public static HandshakeAnalysis ofRequest(HttpRequest request) {
        return of(request, List.of(), null);
    }

    /** A request and its final answer (a 101, or a status of 200 or more), without interim responses. */
    public static HandshakeAnalysis of(HttpRequest request, HttpResponse finalResponse) {
        return of(request, List.of(), finalResponse);
    }

    /**
     * A request and the responses read after it, in order: the interim 1xx (other than 101) are
     * set apart, the first 101 or response of 200 or more is the final answer; with none, the
     * exchange is incomplete.
     */
    public static HandshakeAnalysis ofResponses(HttpRequest request, List<HttpResponse> responses) {
        List<HttpResponse> interim = new ArrayList<>();
        for (HttpResponse r : responses) {
            if (r.status() == 101 || r.status() >= 200) {
                return of(request, interim, r);
            }
            interim.add(r);
        }
        return of(request, interim, null);
    }

    /**
     * The full analysis. {@code interim}: the 1xx responses other than 101 that came before the
     * final answer; {@code finalResponse}: a 101 or a response of 200 or more, or null if none came.
     */
    public static HandshakeAnalysis of(HttpRequest request, List<HttpResponse> interim, HttpResponse finalResponse) {
        Objects.requireNonNull(request, "request");
        Exchange x = Exchange.of(request, interim, finalResponse);
        Evidence ev = new Evidence();
        ev.addAll(x.requestLists().listFindings());
        x.responseLists().ifPresent(l -> ev.addAll(l.listFindings()));

        GeneralChecks.request(x, ev);
        if (x.asks(ProtocolFamily.WEBSOCKET)) {
            WebSocketChecks.request(x, ev);
        }
        H2cChecks.request(x, ev);
        TlsUpgradeChecks.request(x, ev);

        GeneralChecks.response(x, ev);
        H2cChecks.response(x, ev);
        TlsUpgradeChecks.response(x, ev);
        x.response().ifPresent(resp -> {
            if (resp.status() == 101 && x.switchedFamily().orElse(null) == ProtocolFamily.WEBSOCKET) {
                WebSocketChecks.switched(x, resp, ev);
            } else if (resp.status() >= 400 && x.asks(ProtocolFamily.WEBSOCKET)) {
                WebSocketChecks.refused(x, resp, ev);
            }
        });

        List<Finding> findings = ev.findings();
        UpgradeOutcome outcome = outcome(x, findings);
        SwitchedTo switchedTo = switchedTo(x);
        OptionalInt status = finalResponse == null ? OptionalInt.empty() : OptionalInt.of(finalResponse.status());
        return new HandshakeAnalysis(x.asked(), outcome, status, switchedTo, findings,
                new TreeSource(x, ev.headerChildren()));
    }

    public List<AskedProtocol> asked() {
        return asked;
    }

    public UpgradeOutcome outcome() {
        return outcome;
    }

    public OptionalInt status() {
        return status;
    }

    public SwitchedTo switchedTo() {
        return switchedTo;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** The request's field tree with the decoded parts and its findings hung in. */
    public Field requestTree() {
        return trees().request();
    }

    /** The trees of the interim 1xx responses, in order. */
    public List<Field> interimTrees() {
        return trees().interim();
    }

    /** The final response's tree, if one came. */
    public Optional<Field> responseTree() {
        return trees().response();
    }

    private Trees trees() {
        Trees t = trees;
        if (t == null) {
            synchronized (this) {
                t = trees;
                if (t == null) {
                    t = buildTrees(source.exchange(), source.checkChildren(), findings);
                    trees = t;
                    source = null;
                }
            }
        }
        return t;
    }

    /**
     * The decoded parts hang under their header lines: first the elements of the list fields
     * (protocols, options, offers), then what the checks decoded, each line's children in that order.
     */
    private static Trees buildTrees(Exchange x, Map<ByteRange.InStream, List<Field>> checkChildren,
                                    List<Finding> findings) {
        Evidence decorations = new Evidence();
        ListDecorations.add(x.requestLists(), decorations);
        x.responseLists().ifPresent(l -> ListDecorations.add(l, decorations));
        decorations.decorateAll(checkChildren);
        Map<ByteRange.InStream, List<Field>> children = decorations.headerChildren();
        Field requestTree = TreeDecoration.decorate(TreeDecoration.baseTree(x.request()), children,
                inDirection(findings, Direction.C2S, null));
        List<Field> interimTrees = new ArrayList<>();
        for (HttpResponse r : x.interim()) {
            Field base = TreeDecoration.baseTree(r);
            interimTrees.add(TreeDecoration.decorate(base, children,
                    findings.stream().filter(f -> TreeDecoration.holds(base, f.range())).toList()));
        }
        Optional<Field> responseTree = x.response().map(r -> {
            Field base = TreeDecoration.baseTree(r);
            return TreeDecoration.decorate(base, children, inDirection(findings, Direction.S2C, interimTrees));
        });
        return new Trees(requestTree, List.copyOf(interimTrees), responseTree);
    }

    /** Findings on {@code dir}'s bytes (those without a place go to the request), minus those the interim trees hold. */
    private static List<Finding> inDirection(List<Finding> findings, Direction dir, List<Field> interimTrees) {
        return findings.stream()
                .filter(f -> f.range() == null ? dir == Direction.C2S : f.range().streamRange().dir() == dir)
                .filter(f -> interimTrees == null || interimTrees.stream().noneMatch(t -> TreeDecoration.holds(t, f.range())))
                .toList();
    }

    private static UpgradeOutcome outcome(Exchange x, List<Finding> findings) {
        if (x.response().isEmpty()) {
            return UpgradeOutcome.INCOMPLETE;
        }
        HttpResponse resp = x.response().get();
        if (resp.status() == 101) {
            // a 101 the client must reject: an error in the 101 itself
            boolean broken = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.range() != null
                    && resp.range().covers(f.range().streamRange()));
            return broken ? UpgradeOutcome.FAILED : UpgradeOutcome.UPGRADED;
        }
        if (resp.status() == 426) {
            return UpgradeOutcome.REFUSED;
        }
        return resp.status() >= 200 ? UpgradeOutcome.IGNORED : UpgradeOutcome.INCOMPLETE;
    }

    private static SwitchedTo switchedTo(Exchange x) {
        Optional<ProtocolFamily> family = x.switchedFamily();
        if (family.isEmpty()) {
            return SwitchedTo.NONE;
        }
        List<AskedProtocol> named = x.answered().isEmpty() ? x.asked().stream().limit(1).toList() : x.answered();
        return switch (family.get()) {
            case WEBSOCKET -> new SwitchedTo.WebSocket(WebSocketChecks.negotiation(x));
            case H2C -> new SwitchedTo.H2c(H2cChecks.settingsFromHeader(x));
            case TLS -> new SwitchedTo.Tls(named.get(0).version().orElse(""));
            case H2, OTHER -> new SwitchedTo.Other(named.stream().map(AskedProtocol::raw).toList());
        };
    }

    /** The exchange as one tree: what was asked, the outcome, the switch, and the message trees. */
    public Field tree() {
        Field t = tree;
        if (t == null) {
            t = buildTree();
            tree = t;
        }
        return t;
    }

    private Field buildTree() {
        Field requestTree = requestTree();
        Field.Builder asking = Field.builder("Asked", asked.isEmpty() ? "nothing"
                : GeneralChecks.joined(asked), null);
        for (AskedProtocol p : asked) {
            asking.leaf(p.family().name(), p.raw(), p.range());
        }
        Field.Builder root = Field.builder("Upgrade handshake", summary(), requestTree.range())
                .add(asking.build())
                .leaf("Outcome", outcome.code() + (status.isPresent() ? " (" + status.getAsInt() + ")" : ""), null)
                .leaf("Switched to", switchedTo.describe(), null)
                .add(requestTree);
        interimTrees().forEach(root::add);
        responseTree().ifPresent(root::add);
        findings.stream().filter(f -> f.range() == null).forEach(root::finding);
        return root.build();
    }

    /** A one-line summary: {@code websocket, h2c → upgraded (101) to websocket}. */
    public String summary() {
        String ask = asked.isEmpty() ? "no upgrade asked" : GeneralChecks.joined(asked);
        String answer = outcome.code() + (status.isPresent() ? " (" + status.getAsInt() + ")" : "");
        String to = switchedTo instanceof SwitchedTo.None ? "" : " to " + switchedTo.describe();
        return ask + " → " + answer + to;
    }

    /** Each protocol asked for: a list of {@code {family, name, version, raw}} maps. */
    public static final Attribute<Object> ASKED = Attribute.structured("asked");
    public static final Attribute<UpgradeOutcome> OUTCOME = Attribute.coded("outcome", UpgradeOutcome::code,
            UpgradeOutcome::ofCode);
    /** The final status, null while none was seen. */
    public static final Attribute<Integer> STATUS = Attribute.integer("status");
    /** What the connection switched to, described. */
    public static final Attribute<String> SWITCHED_TO = Attribute.text("switchedTo");
    /** The codes of the findings. */
    public static final Attribute<List<String>> FINDING_CODES = Attribute.texts("findings");

    /**
     * The plain facts as {@code dissect --json} shows them, in this order: {@code asked} (a list of
     * maps with {@code family}, {@code name}, {@code version} (or null) and {@code raw}),
     * {@code outcome}, {@code status} (or null), {@code switchedTo}, {@code findings} (their codes).
     */
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> askedList = new ArrayList<>(asked.size());
        for (AskedProtocol p : asked) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("family", p.family().name().toLowerCase(java.util.Locale.ROOT));
            one.put("name", p.name());
            one.put("version", p.version().orElse(null));
            one.put("raw", p.raw());
            askedList.add(one);
        }
        ASKED.put(m, Collections.unmodifiableList(askedList));
        OUTCOME.put(m, outcome);
        STATUS.put(m, status.isPresent() ? status.getAsInt() : null);
        SWITCHED_TO.put(m, switchedTo.describe());
        List<String> codes = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            codes.add(f.code());
        }
        FINDING_CODES.put(m, Collections.unmodifiableList(codes));
        return m;
    }

    /** The most serious severity among the findings, if any. */
    public Optional<Severity> worst() {
        return findings.stream().map(Finding::severity).min(Enum::compareTo);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof HandshakeAnalysis a && asked.equals(a.asked) && outcome == a.outcome
                && status.equals(a.status) && switchedTo.equals(a.switchedTo) && findings.equals(a.findings)
                && trees().equals(a.trees());
    }

    @Override
    public int hashCode() {
        return Objects.hash(asked, outcome, status, switchedTo, findings, trees());
    }

    @Override
    public String toString() {
        Trees t = trees();
        return "HandshakeAnalysis[asked=" + asked + ", outcome=" + outcome + ", status=" + status + ", switchedTo="
                + switchedTo + ", findings=" + findings + ", requestTree=" + t.request() + ", interimTrees="
                + t.interim() + ", responseTree=" + t.response() + "]";
    }
}
