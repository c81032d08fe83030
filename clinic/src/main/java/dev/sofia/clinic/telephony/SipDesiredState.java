package dev.sofia.clinic.telephony;

import dev.sofia.clinic.practice.PracticeCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what LiveKit should hold from the database (decrypting the passwords it needs), and the
 * practice's longest call, which every inbound trunk carries plus {@link SipSpecs#CALL_DURATION_GRACE}.
 */
@Component
class SipDesiredState {

    private final JdbcClient jdbc;
    private final TelephonyConnections connections;
    private final PracticeCatalog practice;

    SipDesiredState(JdbcClient jdbc, TelephonyConnections connections, PracticeCatalog practice) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.practice = practice;
    }

    /**
     * The desired objects.
     *
     * @param connectionIds every connection, in creation order
     * @param numberConnections each phone number's connection
     * @param frozen connections whose passwords cannot be decrypted (wrong key), with the reason:
     *     their trunks are left exactly as they are, neither updated nor deleted
     * @param frozenNames the names of those trunks
     */
    record Desired(
            List<UUID> connectionIds,
            List<SipSpecs.InboundTrunkSpec> inbound,
            List<SipSpecs.OutboundTrunkSpec> outbound,
            List<SipSpecs.DispatchRuleSpec> rules,
            Map<UUID, UUID> numberConnections,
            Map<UUID, String> frozen,
            Set<String> frozenNames) {

        Set<String> names() {
            Set<String> names = new HashSet<>(frozenNames);
            inbound.forEach(s -> names.add(s.name()));
            outbound.forEach(s -> names.add(s.name()));
            rules.forEach(s -> names.add(s.name()));
            return names;
        }
    }

    private record ConnectionRow(
            UUID id,
            List<String> addresses,
            @Nullable String inboundUsername,
            byte @Nullable [] inboundPassword,
            @Nullable String outboundAddress,
            String transport,
            @Nullable String outboundUsername,
            byte @Nullable [] outboundPassword) {}

    private record NumberRow(UUID id, UUID connectionId, String number) {}

    Desired load() {
        List<ConnectionRow> rows = jdbc.sql("select * from telephony_connections order by created_at, id")
                .query((rs, i) -> new ConnectionRow(
                        rs.getObject("id", UUID.class),
                        List.of((String[]) rs.getArray("inbound_addresses").getArray()),
                        rs.getString("inbound_username"),
                        rs.getBytes("inbound_password"),
                        rs.getString("outbound_address"),
                        rs.getString("outbound_transport"),
                        rs.getString("outbound_username"),
                        rs.getBytes("outbound_password")))
                .list();
        List<NumberRow> numbers = jdbc.sql("select id, connection_id, number from phone_numbers order by number")
                .query((rs, i) -> new NumberRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("connection_id", UUID.class),
                        rs.getString("number")))
                .list();
        List<SipSpecs.DispatchRuleSpec> rules = jdbc.sql("""
                        select r.id, r.phone_number_id, n.connection_id, r.agent_name, r.language, r.greeting
                        from call_routes r join phone_numbers n on n.id = r.phone_number_id
                        where r.enabled
                        order by n.number
                        """)
                .query((rs, i) -> new SipSpecs.DispatchRuleSpec(
                        rs.getObject("id", UUID.class),
                        rs.getObject("phone_number_id", UUID.class),
                        rs.getObject("connection_id", UUID.class),
                        rs.getString("agent_name"),
                        rs.getString("language"),
                        rs.getString("greeting")))
                .list();

        Map<UUID, String> frozen = new LinkedHashMap<>();
        Map<UUID, TelephonyConnections.Secrets> secrets = new LinkedHashMap<>();
        for (ConnectionRow c : rows) {
            try {
                secrets.put(c.id(), connections.secrets(c.id(), c.inboundPassword(), c.outboundPassword()));
            } catch (SecretBox.SecretBoxException e) {
                frozen.put(
                        c.id(),
                        "The stored passwords cannot be decrypted with the configured SOFIA_SECRET_KEY;"
                                + " its trunks are left untouched until the right key is set or the passwords are"
                                + " entered again");
            }
        }

        Duration maxCallDuration = practice.callLimits().maxCallDuration().plus(SipSpecs.CALL_DURATION_GRACE);
        Map<UUID, UUID> numberConnections = new LinkedHashMap<>();
        Set<String> frozenNames = new HashSet<>();
        List<SipSpecs.InboundTrunkSpec> inbound = new ArrayList<>();
        for (NumberRow n : numbers) {
            numberConnections.put(n.id(), n.connectionId());
            if (frozen.containsKey(n.connectionId())) {
                frozenNames.add(SipSpecs.InboundTrunkSpec.nameOf(n.id()));
                continue;
            }
            ConnectionRow c = rows.stream()
                    .filter(r -> r.id().equals(n.connectionId()))
                    .findFirst()
                    .orElseThrow();
            TelephonyConnections.Secrets s = secrets.get(c.id());
            boolean digest = c.inboundUsername() != null && s.inbound() != null;
            inbound.add(new SipSpecs.InboundTrunkSpec(
                    n.id(),
                    c.id(),
                    n.number(),
                    c.addresses(),
                    digest ? c.inboundUsername() : "",
                    digest ? s.inbound() : "",
                    maxCallDuration));
        }

        List<SipSpecs.OutboundTrunkSpec> outbound = new ArrayList<>();
        for (ConnectionRow c : rows) {
            List<String> own = numbers.stream()
                    .filter(n -> n.connectionId().equals(c.id()))
                    .map(NumberRow::number)
                    .sorted()
                    .toList();
            // LiveKit refuses an outbound trunk without numbers: there is nothing to call from yet.
            if (c.outboundAddress() == null || own.isEmpty()) {
                continue;
            }
            if (frozen.containsKey(c.id())) {
                frozenNames.add(SipSpecs.OutboundTrunkSpec.nameOf(c.id()));
                continue;
            }
            TelephonyConnections.Secrets s = secrets.get(c.id());
            boolean digest = c.outboundUsername() != null && s.outbound() != null;
            outbound.add(new SipSpecs.OutboundTrunkSpec(
                    c.id(),
                    c.outboundAddress(),
                    SipSpecs.transport(c.transport()),
                    own,
                    digest ? c.outboundUsername() : "",
                    digest ? s.outbound() : ""));
        }
        return new Desired(
                rows.stream().map(ConnectionRow::id).toList(),
                inbound,
                outbound,
                rules,
                numberConnections,
                frozen,
                frozenNames);
    }
}
