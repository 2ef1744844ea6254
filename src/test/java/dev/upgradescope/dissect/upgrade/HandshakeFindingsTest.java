package dev.upgradescope.dissect.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.FindingKind;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under {@code handshakes/} with its outcome and the codes of the findings the
 * analysis makes (the parser's own {@code http1.*} findings left aside); together they trigger
 * every finding kind of the four families.
 */
class HandshakeFindingsTest {


    static Stream<Arguments> fixtures() {
        return Stream.of(
                // spec examples and real clients
                row("rfc6455-1_3.txt", UpgradeOutcome.UPGRADED),
                row("mdn-websocket.txt", UpgradeOutcome.UPGRADED),
                row("mdn-example-foo.txt", UpgradeOutcome.UPGRADED),
                row("rfc7540-3_2-h2c.txt", UpgradeOutcome.UPGRADED, "h2c.deprecated"),
                row("jdk17-h2c.txt", UpgradeOutcome.UPGRADED, "h2c.deprecated"),
                row("curl-h2c.txt", UpgradeOutcome.UPGRADED, "h2c.deprecated"),
                row("chromium-ws-deflate.txt", UpgradeOutcome.UPGRADED),
                row("python-websockets.txt", UpgradeOutcome.UPGRADED),
                row("rfc2817-3_1-optional.txt", UpgradeOutcome.UPGRADED, "tlsupgrade.request.optional",
                        "tlsupgrade.proxy.hop-by-hop", "upgrade.101.layered"),
                row("rfc2817-3_2-mandatory.txt", UpgradeOutcome.UPGRADED, "tlsupgrade.request.mandatory",
                        "upgrade.101.layered"),
                row("rfc2817-4_2-426.txt", UpgradeOutcome.REFUSED, "upgrade.426.server-initiated",
                        "tlsupgrade.426.required"),
                row("tls-101-no-stack.txt", UpgradeOutcome.UPGRADED, "tlsupgrade.request.mandatory",
                        "tlsupgrade.101.stack"),
                row("tls-advertised.txt", UpgradeOutcome.IGNORED, "tlsupgrade.response.advertised"),
                row("upgrade-expect-continue.txt", UpgradeOutcome.UPGRADED),
                // RFC 9110
                row("upgrade-request-connection-missing.txt", UpgradeOutcome.INCOMPLETE,
                        "upgrade.request.connection-missing"),
                row("upgrade-101-connection-missing.txt", UpgradeOutcome.FAILED, "upgrade.101.connection-missing"),
                row("upgrade-101-upgrade-missing.txt", UpgradeOutcome.FAILED, "upgrade.101.upgrade-missing",
                        "upgrade.connection.upgrade-without-field"),
                row("upgrade-101-not-offered.txt", UpgradeOutcome.FAILED, "upgrade.101.not-offered"),
                row("upgrade-101-unasked.txt", UpgradeOutcome.FAILED, "upgrade.101.unasked", "ws.accept.missing"),
                row("upgrade-http10.txt", UpgradeOutcome.FAILED, "upgrade.request.http10", "upgrade.101.http10"),
                row("upgrade-expect-continue-missing.txt", UpgradeOutcome.FAILED, "upgrade.101.continue-missing"),
                row("upgrade-426-upgrade-missing.txt", UpgradeOutcome.REFUSED, "upgrade.426.upgrade-missing",
                        "ws.version.list-missing"),
                row("upgrade-ignored.txt", UpgradeOutcome.IGNORED, "upgrade.response.ignored"),
                row("upgrade-advertised.txt", UpgradeOutcome.IGNORED, "upgrade.response.advertised"),
                row("upgrade-connection-end-to-end.txt", UpgradeOutcome.INCOMPLETE, "upgrade.connection.end-to-end",
                        "upgrade.connection.end-to-end"),
                row("upgrade-connection-without-field.txt", UpgradeOutcome.INCOMPLETE,
                        "upgrade.connection.upgrade-without-field"),
                // RFC 6455, RFC 7692
                row("ws-method-post.txt", UpgradeOutcome.INCOMPLETE, "ws.request.method"),
                row("ws-http10.txt", UpgradeOutcome.INCOMPLETE, "ws.request.http-version", "upgrade.request.http10"),
                row("ws-browser-no-host-no-origin.txt", UpgradeOutcome.INCOMPLETE, "ws.request.host-missing",
                        "ws.request.origin-missing"),
                row("ws-key-short-duplicate.txt", UpgradeOutcome.INCOMPLETE, "ws.key.duplicate", "ws.key.invalid"),
                row("ws-key-not-base64-no-version.txt", UpgradeOutcome.INCOMPLETE, "ws.key.not-base64",
                        "ws.version.missing"),
                row("ws-no-key-version-duplicate.txt", UpgradeOutcome.INCOMPLETE, "ws.key.missing",
                        "ws.version.duplicate"),
                row("ws-version-8-426.txt", UpgradeOutcome.REFUSED, "ws.version.not-13", "ws.version.supported"),
                row("ws-version-8-400.txt", UpgradeOutcome.IGNORED, "ws.version.not-13", "ws.version.list-missing",
                        "upgrade.response.ignored"),
                row("ws-accept-mismatch.txt", UpgradeOutcome.FAILED, "ws.accept.mismatch"),
                row("ws-accept-duplicate.txt", UpgradeOutcome.FAILED, "ws.accept.duplicate"),
                row("ws-accept-missing.txt", UpgradeOutcome.FAILED, "ws.accept.missing"),
                row("ws-protocol-not-offered.txt", UpgradeOutcome.FAILED, "ws.protocol.not-offered"),
                row("ws-protocol-several.txt", UpgradeOutcome.FAILED, "ws.protocol.several"),
                row("ws-extension-not-offered.txt", UpgradeOutcome.FAILED, "ws.extension.not-offered"),
                row("ws-extensions-duplicate.txt", UpgradeOutcome.FAILED, "ws.extensions.duplicate",
                        "ws.deflate.several"),
                row("ws-deflate-bad-offer.txt", UpgradeOutcome.INCOMPLETE, "ws.deflate.unknown-param",
                        "ws.deflate.value-required", "ws.deflate.window-bits", "ws.deflate.value-not-allowed",
                        "ws.deflate.duplicate-param"),
                row("ws-deflate-bad-answer.txt", UpgradeOutcome.FAILED, "ws.deflate.client-bits-unoffered",
                        "ws.deflate.server-bits-exceeded", "ws.deflate.server-takeover-ignored"),
                // RFC 7540, RFC 9113
                row("h2c-h2-cleartext.txt", UpgradeOutcome.FAILED, "h2c.h2-cleartext", "h2c.deprecated", "h2c.101.h2"),
                row("h2c-request-body.txt", UpgradeOutcome.UPGRADED, "h2c.deprecated", "h2c.request.body"),
                row("h2c-settings-missing.txt", UpgradeOutcome.INCOMPLETE, "h2c.deprecated", "h2c.settings.missing"),
                row("h2c-settings-duplicate-not-in-connection.txt", UpgradeOutcome.INCOMPLETE, "h2c.deprecated",
                        "h2c.settings.duplicate", "h2c.settings.connection-missing"),
                row("h2c-settings-padding-length.txt", UpgradeOutcome.INCOMPLETE, "h2c.deprecated",
                        "h2c.settings.padding", "h2c.settings.length"),
                row("h2c-settings-alphabet.txt", UpgradeOutcome.INCOMPLETE, "h2c.deprecated", "h2c.settings.alphabet"),
                row("h2c-settings-values.txt", UpgradeOutcome.INCOMPLETE, "h2c.deprecated", "h2c.settings.value",
                        "h2c.settings.unknown", "h2c.settings.value"),
                row("h2c-settings-undecodable.txt", UpgradeOutcome.INCOMPLETE, "h2c.deprecated",
                        "h2c.settings.undecodable"),
                row("h2c-settings-in-response.txt", UpgradeOutcome.FAILED, "h2c.deprecated",
                        "h2c.settings.in-response"));
    }

    private static Arguments row(String fixture, UpgradeOutcome outcome, String... codes) {
        return Arguments.of(fixture, outcome, List.of(codes));
    }

    static List<String> ownCodes(HandshakeAnalysis a) {
        return a.findings().stream().map(Finding::code).filter(c -> !c.startsWith("http1.")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findingsAndOutcome(String fixture, UpgradeOutcome outcome, List<String> codes) {
        HandshakeAnalysis a = Handshake.load(fixture).analyze();
        assertThat(ownCodes(a)).as(fixture).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(a.outcome()).as(fixture).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFindingIsPlacedAndReadableInEveryLanguage(String fixture) {
        HandshakeAnalysis a = Handshake.load(fixture).analyze();
        List<Finding> inTrees = a.tree().allFindings();
        for (Finding f : a.findings()) {
            assertThat(f.range()).as("%s has a place", f.code()).isNotNull();
            assertThat(inTrees).as("%s hangs in the tree", f.code()).contains(f);
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.forLanguageTag("zh-TW"))) {
                assertThat(f.message(locale)).as("%s in %s", f.code(), locale).doesNotContain("{").doesNotContain("}")
                        .doesNotStartWith(f.code());
            }
        }
    }

    @Test
    void everyKindOfTheFourFamiliesIsTriggeredByAFixture() {
        Set<String> all = new HashSet<>();
        for (Class<? extends FindingKind> kinds : List.of(UpgradeFinding.class, WsFinding.class, H2cFinding.class,
                TlsUpgradeFinding.class)) {
            Arrays.stream(kinds.getEnumConstants()).map(FindingKind::code).forEach(all::add);
        }
        Set<String> triggered = new HashSet<>();
        fixtures().forEach(args -> {
            @SuppressWarnings("unchecked")
            List<String> codes = (List<String>) args.get()[2];
            triggered.addAll(codes);
        });
        assertThat(triggered).containsExactlyInAnyOrderElementsOf(all);
    }

}
