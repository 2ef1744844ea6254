package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.ExtensionOffer;
import dev.upgradescope.dissect.http1.ExtensionParam;
import dev.upgradescope.dissect.websocket.PerMessageDeflate;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The parameters of the {@code permessage-deflate} extension (RFC 7692 §7.1): their syntax in an
 * offer and in an answer, the answer against the offer it accepts, and the parameters in force.
 */
final class DeflateParameters {

    static final String EXTENSION = "permessage-deflate";
    static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
    static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
    static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
    static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";
    private static final int DEFAULT_WINDOW_BITS = 15;

    private DeflateParameters() {
    }

    static boolean isDeflate(ExtensionOffer e) {
        return e.name().equalsIgnoreCase(EXTENSION);
    }

    /**
     * Syntax of one {@code permessage-deflate} element: known parameters only, none twice, values as
     * each parameter requires. {@code answer} is true for the server's response (RFC 7692 §7).
     */
    static List<Finding> checkSyntax(ExtensionOffer ext, boolean answer) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ExtensionParam p : ext.params()) {
            String name = p.name().toLowerCase(java.util.Locale.ROOT);
            if (!seen.add(name)) {
                // "multiple extension parameters with the same name" → decline / fail (RFC 7692 §7)
                out.add(WsFinding.DEFLATE_DUPLICATE_PARAM.at(p.range(), p.name()));
                continue;
            }
            switch (name) {
                case SERVER_NO_CONTEXT_TAKEOVER, CLIENT_NO_CONTEXT_TAKEOVER ->
                        // these parameters have no value (RFC 7692 §7.1.1.1, §7.1.1.2)
                        p.value().ifPresent(v -> out.add(WsFinding.DEFLATE_VALUE_NOT_ALLOWED.at(p.range(), p.name(), v)));
                case SERVER_MAX_WINDOW_BITS -> windowBits(p, true, out); // value required (RFC 7692 §7.1.2.1)
                // value optional in an offer, required in an answer (RFC 7692 §7.1.2.2)
                case CLIENT_MAX_WINDOW_BITS -> windowBits(p, answer, out);
                // a parameter not defined for use in an offer / a response (RFC 7692 §7)
                default -> out.add(WsFinding.DEFLATE_UNKNOWN_PARAM.at(p.range(), p.name()));
            }
        }
        return out;
    }

    private static void windowBits(ExtensionParam p, boolean valueRequired, List<Finding> out) {
        if (p.value().isEmpty()) {
            if (valueRequired) {
                out.add(WsFinding.DEFLATE_VALUE_REQUIRED.at(p.range(), p.name()));
            }
        } else if (windowBits(p.value().get()).isEmpty()) {
            // 1*DIGIT without leading zero, 8..15 (RFC 7692 §7.1.2.1, §7.1.2.2)
            out.add(WsFinding.DEFLATE_WINDOW_BITS.at(p.range(), p.name(), p.value().get()));
        }
    }

    /** The window size a value gives, if it is a valid one: 8..15, no leading zero. */
    static OptionalInt windowBits(String value) {
        if (value.length() < 1 || value.length() > 2 || value.charAt(0) == '0'
                || !value.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        int bits = Integer.parseInt(value);
        return bits >= 8 && bits <= 15 ? OptionalInt.of(bits) : OptionalInt.empty();
    }

    /** What an answer breaks of the offer it accepts (RFC 7692 §7.1.1.1, §7.1.2.1, §7.1.2.2). */
    static List<Finding> checkAgainstOffer(ExtensionOffer answer, ExtensionOffer offer) {
        List<Finding> out = new ArrayList<>();
        Optional<ExtensionParam> clientBits = answer.param(CLIENT_MAX_WINDOW_BITS);
        if (clientBits.isPresent() && offer.param(CLIENT_MAX_WINDOW_BITS).isEmpty()) {
            // "the corresponding extension negotiation response to the offer MUST NOT include the
            // client_max_window_bits extension parameter" (RFC 7692 §7.1.2.2)
            out.add(WsFinding.DEFLATE_CLIENT_BITS_UNOFFERED.at(clientBits.get().range()));
        }
        Optional<ExtensionParam> offeredServerBits = offer.param(SERVER_MAX_WINDOW_BITS);
        OptionalInt offered = offeredServerBits.flatMap(ExtensionParam::value).map(DeflateParameters::windowBits)
                .orElse(OptionalInt.empty());
        if (offered.isPresent()) {
            Optional<ExtensionParam> answered = answer.param(SERVER_MAX_WINDOW_BITS);
            int bits = answered.flatMap(ExtensionParam::value).map(DeflateParameters::windowBits)
                    .orElse(OptionalInt.empty()).orElse(DEFAULT_WINDOW_BITS);
            if (bits > offered.getAsInt()) {
                // accepted "with the same or smaller value as the offer" (RFC 7692 §7.1.2.1)
                out.add(WsFinding.DEFLATE_SERVER_BITS_EXCEEDED.at(answered.map(ExtensionParam::range)
                        .orElse(answer.range()), bits, offered.getAsInt()));
            }
        }
        if (offer.param(SERVER_NO_CONTEXT_TAKEOVER).isPresent()
                && answer.param(SERVER_NO_CONTEXT_TAKEOVER).isEmpty()) {
            // accepting an offer with server_no_context_takeover means including it (RFC 7692 §7.1.1.1)
            out.add(WsFinding.DEFLATE_SERVER_TAKEOVER_IGNORED.at(answer.range()));
        }
        return out;
    }

    /**
     * The answer checked against the offer it most likely accepts: the client may send several
     * offers, and the server accepts one of them (RFC 7692 §5); the offer it contradicts least wins.
     */
    static List<Finding> checkAgainstOffers(ExtensionOffer answer, List<ExtensionOffer> offers) {
        List<Finding> best = null;
        for (ExtensionOffer offer : offers) {
            if (!isDeflate(offer)) {
                continue;
            }
            List<Finding> f = checkAgainstOffer(answer, offer);
            if (best == null || f.size() < best.size()) {
                best = f;
            }
        }
        return best == null ? List.of() : best;
    }

    /**
     * The parameters in force after {@code answer}; invalid or absent window sizes count as 15,
     * which inflates whatever the peer actually uses.
     */
    static PerMessageDeflate negotiated(ExtensionOffer answer) {
        return new PerMessageDeflate(answer.param(SERVER_NO_CONTEXT_TAKEOVER).isPresent(),
                answer.param(CLIENT_NO_CONTEXT_TAKEOVER).isPresent(),
                bits(answer, SERVER_MAX_WINDOW_BITS), bits(answer, CLIENT_MAX_WINDOW_BITS));
    }

    private static int bits(ExtensionOffer answer, String name) {
        return answer.param(name).flatMap(ExtensionParam::value).map(DeflateParameters::windowBits)
                .orElse(OptionalInt.empty()).orElse(DEFAULT_WINDOW_BITS);
    }
}
