package dev.sofia.clinic.telephony;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitRoom.RoomConfiguration;
import livekit.LivekitSip.SIPDispatchRule;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import livekit.LivekitSip.SIPTransport;
import tools.jackson.databind.json.JsonMapper;

/**
 * What LiveKit should hold, derived from the database, and how each object differs from what
 * LiveKit actually holds. Every Sofia-managed object is named {@code sofia:<kind>:<uuid>}; objects
 * named otherwise are never touched. Only the fields Sofia sets are compared.
 */
final class SipSpecs {

    static final String MANAGED_PREFIX = "sofia:";
    static final String ROOM_PREFIX = "call-";

    /**
     * Added to the practice's longest call for the trunks' maximum call duration: Sofia ends the
     * call politely at the limit, livekit-sip cuts it this much later only if something hangs.
     */
    static final Duration CALL_DURATION_GRACE = Duration.ofMinutes(1);

    private SipSpecs() {}

    static boolean managed(String name) {
        return name != null && name.startsWith(MANAGED_PREFIX);
    }

    /** One difference between the database and LiveKit, and whether an update call can fix it. */
    record FieldDiff(String field, Object expected, Object actual, boolean updatable) {}

    /**
     * The inbound trunk of one phone number: the number, and the connection's allowed addresses
     * and digest credentials. (One trunk per number, not per connection: dispatch rules cannot be
     * limited to a called number through the SDK, so the trunk is what tells two routes apart.)
     *
     * @param username "" for none
     * @param password "" for none
     * @param maxCallDuration after this livekit-sip ends a call on the trunk (the practice's
     *     longest call plus {@link #CALL_DURATION_GRACE})
     */
    record InboundTrunkSpec(
            UUID numberId,
            UUID connectionId,
            String number,
            List<String> allowedAddresses,
            String username,
            String password,
            Duration maxCallDuration) {

        static String nameOf(UUID numberId) {
            return MANAGED_PREFIX + "number:" + numberId;
        }

        String name() {
            return nameOf(numberId);
        }

        String metadata() {
            return json(Map.of("managedBy", "sofia", "connectionId", connectionId, "phoneNumberId", numberId));
        }

        List<FieldDiff> diff(SIPInboundTrunkInfo actual) {
            List<FieldDiff> diffs = new ArrayList<>();
            // Every field is updatable: an update replaces the trunk whole (see replacing).
            list(diffs, "numbers", List.of(number), actual.getNumbersList(), true);
            list(diffs, "allowedAddresses", allowedAddresses, actual.getAllowedAddressesList(), true);
            list(diffs, "allowedNumbers", List.of(), actual.getAllowedNumbersList(), true);
            text(diffs, "authUsername", username, actual.getAuthUsername());
            secret(diffs, "authPassword", password, actual.getAuthPassword());
            text(diffs, "metadata", metadata(), actual.getMetadata());
            Duration actualMax = actual.hasMaxCallDuration() ? duration(actual.getMaxCallDuration()) : Duration.ZERO;
            if (!maxCallDuration.equals(actualMax)) {
                diffs.add(new FieldDiff(
                        "maxCallDuration",
                        maxCallDuration.toString(),
                        actualMax.isZero() ? "(none)" : actualMax.toString(),
                        true));
            }
            return diffs;
        }

        /** The whole trunk as LiveKit should hold it (without the id LiveKit gives it). */
        SIPInboundTrunkInfo info() {
            return withSofiasFields(SIPInboundTrunkInfo.newBuilder());
        }

        /**
         * {@code existing} with every field Sofia sets set as wanted: what replaces it, so fields set
         * by hand that Sofia does not manage (headers, Krisp, media encryption…) stay as they are.
         */
        SIPInboundTrunkInfo replacing(SIPInboundTrunkInfo existing) {
            return withSofiasFields(existing.toBuilder());
        }

        private SIPInboundTrunkInfo withSofiasFields(SIPInboundTrunkInfo.Builder trunk) {
            return trunk.setName(name())
                    .setMetadata(metadata())
                    .clearNumbers()
                    .addNumbers(number)
                    .clearAllowedAddresses()
                    .addAllAllowedAddresses(allowedAddresses)
                    .clearAllowedNumbers()
                    .setAuthUsername(username)
                    .setAuthPassword(password)
                    .setMaxCallDuration(com.google.protobuf.Duration.newBuilder()
                            .setSeconds(maxCallDuration.getSeconds())
                            .setNanos(maxCallDuration.getNano()))
                    .build();
        }

        @Override
        public String toString() {
            return "InboundTrunkSpec[" + name() + "]";
        }
    }

    /**
     * The outbound trunk of one connection: where calls go, how, as whom, and the numbers they may
     * come from (all the connection's numbers; LiveKit requires at least one).
     */
    record OutboundTrunkSpec(
            UUID connectionId,
            String address,
            SIPTransport transport,
            List<String> numbers,
            String username,
            String password) {

        static String nameOf(UUID connectionId) {
            return MANAGED_PREFIX + "connection:" + connectionId;
        }

        String name() {
            return nameOf(connectionId);
        }

        String metadata() {
            return json(Map.of("managedBy", "sofia", "connectionId", connectionId));
        }

        List<FieldDiff> diff(SIPOutboundTrunkInfo actual) {
            List<FieldDiff> diffs = new ArrayList<>();
            text(diffs, "address", address, actual.getAddress());
            if (transport != actual.getTransport()) {
                diffs.add(new FieldDiff(
                        "transport", transport.name(), actual.getTransport().name(), true));
            }
            list(diffs, "numbers", numbers, actual.getNumbersList(), true);
            text(diffs, "authUsername", username, actual.getAuthUsername());
            secret(diffs, "authPassword", password, actual.getAuthPassword());
            text(diffs, "metadata", metadata(), actual.getMetadata());
            return diffs;
        }

        @Override
        public String toString() {
            return "OutboundTrunkSpec[" + name() + "]";
        }
    }

    /**
     * The dispatch rule of one enabled route: a new {@code call-…} room per caller, only for calls
     * that arrived on the route's number's trunk, with the agent dispatched into it.
     */
    record DispatchRuleSpec(
            UUID routeId, UUID numberId, UUID connectionId, String agentName, String language, String greeting) {

        static String nameOf(UUID routeId) {
            return MANAGED_PREFIX + "route:" + routeId;
        }

        String name() {
            return nameOf(routeId);
        }

        /** Inherited by the caller's participant (LiveKit copies rule metadata to it). */
        String metadata() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("managedBy", "sofia");
            m.put("routeId", routeId);
            m.put("phoneNumberId", numberId);
            m.put("language", language);
            m.put("greeting", greeting);
            return json(m);
        }

        /** What the dispatched agent's job carries. */
        String agentMetadata() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("language", language);
            m.put("channel", "phone");
            m.put("routeId", routeId);
            return json(m);
        }

        Map<String, String> attributes() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("sofia.routeId", routeId.toString());
            m.put("sofia.language", language);
            return m;
        }

        RoomConfiguration roomConfig() {
            return RoomConfiguration.newBuilder()
                    .addAgents(RoomAgentDispatch.newBuilder()
                            .setAgentName(agentName)
                            .setMetadata(agentMetadata()))
                    .build();
        }

        /**
         * How the rule differs; {@code trunkId} is the id LiveKit gave the number's inbound trunk.
         * The SDK's update call sets name, metadata, trunk ids and the rule itself; anything else
         * (attributes, room configuration) takes a new rule.
         */
        List<FieldDiff> diff(SIPDispatchRuleInfo actual, String trunkId) {
            List<FieldDiff> diffs = new ArrayList<>();
            SIPDispatchRule rule = actual.getRule();
            boolean individual = rule.getRuleCase() == SIPDispatchRule.RuleCase.DISPATCH_RULE_INDIVIDUAL;
            String actualRule = individual
                    ? "individual prefix=" + rule.getDispatchRuleIndividual().getRoomPrefix() + " pin="
                            + (rule.getDispatchRuleIndividual().getPin().isEmpty() ? "none" : "set")
                    : rule.getRuleCase().name().toLowerCase(java.util.Locale.ROOT);
            String expectedRule = "individual prefix=" + ROOM_PREFIX + " pin=none";
            if (!expectedRule.equals(actualRule)) {
                diffs.add(new FieldDiff("rule", expectedRule, actualRule, true));
            }
            list(diffs, "trunkIds", List.of(trunkId), actual.getTrunkIdsList(), true);
            text(diffs, "metadata", metadata(), actual.getMetadata());
            if (!attributes().equals(actual.getAttributesMap())) {
                diffs.add(new FieldDiff("attributes", attributes(), Map.copyOf(actual.getAttributesMap()), false));
            }
            List<Map<String, String>> expectedAgents = agents(roomConfig());
            List<Map<String, String>> actualAgents = agents(actual.getRoomConfig());
            if (!expectedAgents.equals(actualAgents)) {
                diffs.add(new FieldDiff("roomConfig.agents", expectedAgents, actualAgents, false));
            }
            if (actual.getHidePhoneNumber()) {
                diffs.add(new FieldDiff("hidePhoneNumber", false, true, false));
            }
            list(diffs, "inboundNumbers", List.of(), actual.getInboundNumbersList(), false);
            list(diffs, "numbers", List.of(), actual.getNumbersList(), false);
            return diffs;
        }

        private static List<Map<String, String>> agents(RoomConfiguration config) {
            return config.getAgentsList().stream()
                    .map(a -> Map.of("agentName", a.getAgentName(), "metadata", a.getMetadata()))
                    .toList();
        }

        @Override
        public String toString() {
            return "DispatchRuleSpec[" + name() + "]";
        }
    }

    static SIPTransport transport(String transport) {
        return switch (transport) {
            case "tcp" -> SIPTransport.SIP_TRANSPORT_TCP;
            case "tls" -> SIPTransport.SIP_TRANSPORT_TLS;
            default -> SIPTransport.SIP_TRANSPORT_UDP;
        };
    }

    private static Duration duration(com.google.protobuf.Duration d) {
        return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }

    private static void list(
            List<FieldDiff> diffs, String field, List<String> expected, List<String> actual, boolean updatable) {
        List<String> e = expected.stream().sorted().toList();
        List<String> a = actual.stream().sorted().toList();
        if (!e.equals(a)) {
            diffs.add(new FieldDiff(field, e, a, updatable));
        }
    }

    private static void text(List<FieldDiff> diffs, String field, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            diffs.add(new FieldDiff(field, expected, actual, true));
        }
    }

    /** Compares a secret without ever putting it into the difference. */
    private static void secret(List<FieldDiff> diffs, String field, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            diffs.add(new FieldDiff(
                    field,
                    expected.isEmpty() ? "(none)" : "(the stored password)",
                    actual.isEmpty() ? "(none)" : "(a different password)",
                    true));
        }
    }

    private static String json(Map<String, ?> map) {
        // Sorted keys: the same content always gives the same text, so comparisons are exact.
        return JsonMapper.shared().writeValueAsString(new java.util.TreeMap<>(map));
    }
}
