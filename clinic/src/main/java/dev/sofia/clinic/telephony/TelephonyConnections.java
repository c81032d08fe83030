package dev.sofia.clinic.telephony;

import dev.sofia.clinic.system.ConflictException;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The carrier connections: validated whole before anything is written, passwords sealed with the
 * {@link SecretBox} before they reach the database and never returned.
 */
@Service
public class TelephonyConnections {

    static final int MAX_ADDRESSES = 50;
    static final int MIN_INBOUND_PASSWORD = 12;

    // SIP user part characters (RFC 3261 unreserved and user-unreserved), no spaces or colons.
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=%-]{1,128}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final JdbcClient jdbc;
    private final SecretBox secrets;

    TelephonyConnections(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    public List<TelephonyConnection> list() {
        return jdbc.sql("select * from telephony_connections order by created_at, id")
                .query(TelephonyConnections::connection)
                .list();
    }

    public Optional<TelephonyConnection> find(UUID id) {
        return jdbc.sql("select * from telephony_connections where id = ?")
                .param(id)
                .query(TelephonyConnections::connection)
                .optional();
    }

    public boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from telephony_connections where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    @Transactional
    public TelephonyConnection create(ConnectionRequest request) {
        UUID id = UUID.randomUUID();
        Valid v = validate(id, request, null);
        jdbc.sql("""
                        insert into telephony_connections (id, name, carrier, inbound_addresses, inbound_username,
                            inbound_password, outbound_address, outbound_transport, outbound_username, outbound_password)
                        values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        id,
                        v.name,
                        v.carrier,
                        v.addresses,
                        v.inboundUsername,
                        v.inboundPassword,
                        v.outboundAddress,
                        v.transport,
                        v.outboundUsername,
                        v.outboundPassword))
                .update();
        return find(id).orElseThrow();
    }

    /** Replaces the connection; passwords left out are kept (see {@link ConnectionRequest}). */
    @Transactional
    public TelephonyConnection update(UUID id, ConnectionRequest request) {
        Stored stored = jdbc.sql("""
                        select inbound_password, outbound_password from telephony_connections where id = ? for update
                        """)
                .param(id)
                .query((rs, row) -> new Stored(rs.getBytes("inbound_password"), rs.getBytes("outbound_password")))
                .optional()
                .orElseThrow(() -> new NotFoundException("telephony connection", id));
        Valid v = validate(id, request, stored);
        jdbc.sql("""
                        update telephony_connections set name = ?, carrier = ?, inbound_addresses = ?::text[],
                            inbound_username = ?, inbound_password = ?, outbound_address = ?, outbound_transport = ?,
                            outbound_username = ?, outbound_password = ?, sync_status = 'pending', updated_at = now()
                        where id = ?
                        """)
                .params(Arrays.asList(
                        v.name,
                        v.carrier,
                        v.addresses,
                        v.inboundUsername,
                        v.inboundPassword,
                        v.outboundAddress,
                        v.transport,
                        v.outboundUsername,
                        v.outboundPassword,
                        id))
                .update();
        return find(id).orElseThrow();
    }

    /** Deletes a connection that no phone number uses any more. */
    @Transactional
    public void delete(UUID id) {
        if (!exists(id)) {
            throw new NotFoundException("telephony connection", id);
        }
        int numbers = jdbc.sql("select count(*) from phone_numbers where connection_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
        if (numbers > 0) {
            throw new ConflictException(
                    "still-referenced",
                    "Still in use",
                    "The connection still has " + numbers + " phone number(s); delete or move them first");
        }
        jdbc.sql("delete from telephony_connections where id = ?").param(id).update();
    }

    /** The connection's passwords in plaintext, for the sync only. */
    Secrets secrets(UUID id, byte @Nullable [] inbound, byte @Nullable [] outbound) {
        return new Secrets(
                inbound == null ? null : secrets.open(inbound, inboundContext(id)),
                outbound == null ? null : secrets.open(outbound, outboundContext(id)));
    }

    /** Plaintext passwords; never printed. */
    record Secrets(@Nullable String inbound, @Nullable String outbound) {
        @Override
        public String toString() {
            return "Secrets[***]";
        }
    }

    private static String inboundContext(UUID id) {
        return "telephony_connections.inbound_password:" + id;
    }

    private static String outboundContext(UUID id) {
        return "telephony_connections.outbound_password:" + id;
    }

    private record Stored(byte @Nullable [] inboundPassword, byte @Nullable [] outboundPassword) {}

    /** A request that passed validation, with its passwords sealed. */
    private record Valid(
            String name,
            String carrier,
            String[] addresses,
            @Nullable String inboundUsername,
            byte @Nullable [] inboundPassword,
            @Nullable String outboundAddress,
            String transport,
            @Nullable String outboundUsername,
            byte @Nullable [] outboundPassword) {}

    private Valid validate(UUID id, ConnectionRequest r, @Nullable Stored stored) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.length() > 100) {
            problems.add(new FieldProblem("name", "must be at most 100 characters"));
        }
        String carrier = r.carrier() == null ? null : r.carrier().strip();
        if (carrier == null || carrier.isEmpty()) {
            problems.add(new FieldProblem("carrier", "is required"));
        } else if (!TelephonyConnection.CARRIERS.contains(carrier)) {
            problems.add(
                    new FieldProblem("carrier", "must be one of " + String.join(", ", TelephonyConnection.CARRIERS)));
        }

        ConnectionRequest.Inbound in =
                r.inbound() == null ? new ConnectionRequest.Inbound(null, null, null) : r.inbound();
        Set<String> addresses = new LinkedHashSet<>();
        List<String> rawAddresses = in.allowedAddresses() == null ? List.of() : in.allowedAddresses();
        if (rawAddresses.size() > MAX_ADDRESSES) {
            problems.add(new FieldProblem("inbound.allowedAddresses", "must list at most " + MAX_ADDRESSES));
        } else {
            for (int i = 0; i < rawAddresses.size(); i++) {
                SipAddresses.Result a = SipAddresses.cidr(rawAddresses.get(i));
                if (a.valid()) {
                    addresses.add(a.value());
                } else {
                    problems.add(new FieldProblem("inbound.allowedAddresses[" + i + "]", a.problem()));
                }
            }
        }
        String inUser = username(in.username(), "inbound.username", problems);
        byte[] inSealed = sealedPassword(
                inUser,
                in.password(),
                stored == null ? null : stored.inboundPassword(),
                MIN_INBOUND_PASSWORD,
                inboundContext(id),
                "inbound",
                problems);
        if (addresses.isEmpty()
                && inUser == null
                && problems.stream().noneMatch(p -> p.field().startsWith("inbound."))) {
            problems.add(new FieldProblem(
                    "inbound",
                    "needs allowedAddresses, or a username and password, or both, to recognise the carrier"));
        }

        String outAddress = null;
        String transport = "udp";
        String outUser = null;
        byte[] outSealed = null;
        ConnectionRequest.Outbound out = r.outbound();
        if (out != null) {
            SipAddresses.Result address = SipAddresses.hostPort(out.address());
            if (address.valid()) {
                outAddress = address.value();
            } else {
                problems.add(new FieldProblem("outbound.address", address.problem()));
            }
            if (out.transport() != null && !out.transport().isBlank()) {
                transport = out.transport().strip();
                if (!TelephonyConnection.TRANSPORTS.contains(transport)) {
                    problems.add(new FieldProblem("outbound.transport", "must be udp, tcp or tls"));
                }
            }
            outUser = username(out.username(), "outbound.username", problems);
            outSealed = sealedPassword(
                    outUser,
                    out.password(),
                    stored == null ? null : stored.outboundPassword(),
                    1,
                    outboundContext(id),
                    "outbound",
                    problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Valid(
                name,
                carrier,
                addresses.toArray(String[]::new),
                inUser,
                inSealed,
                outAddress,
                transport,
                outUser,
                outSealed);
    }

    private static @Nullable String username(@Nullable String raw, String field, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (!USERNAME.matcher(value).matches()) {
            problems.add(new FieldProblem(
                    field, "must be 1 to 128 characters: letters, digits and . _ ~ ! $ & ' ( ) * + , ; = % -"));
            return null;
        }
        return value;
    }

    /**
     * The sealed password to store with {@code username}: a new one sealed, the stored one kept
     * when the request leaves the password out (null), none when the request empties it. Digest
     * credentials come as a pair, so a username needs a password and a password a username.
     */
    private byte @Nullable [] sealedPassword(
            @Nullable String username,
            @Nullable String raw,
            byte @Nullable [] stored,
            int minLength,
            String context,
            String prefix,
            List<FieldProblem> problems) {
        String field = prefix + ".password";
        if (raw != null && !raw.isEmpty()) {
            if (raw.length() < minLength || raw.length() > 128) {
                problems.add(new FieldProblem(field, "must be " + minLength + " to 128 characters"));
                return null;
            }
            if (CONTROL.matcher(raw).find()) {
                problems.add(new FieldProblem(field, "must not contain control characters"));
                return null;
            }
            if (username == null) {
                if (problems.stream().noneMatch(p -> p.field().equals(prefix + ".username"))) {
                    problems.add(new FieldProblem(prefix + ".username", "is required with a password"));
                }
                return null;
            }
            return secrets.seal(raw, context);
        }
        if (username == null) {
            return null;
        }
        if (raw == null && stored != null) {
            return stored;
        }
        problems.add(new FieldProblem(field, "is required with a username"));
        return null;
    }

    private static TelephonyConnection connection(ResultSet rs, int row) throws SQLException {
        String outboundAddress = rs.getString("outbound_address");
        TelephonyConnection.Outbound outbound = outboundAddress == null
                ? null
                : new TelephonyConnection.Outbound(
                        outboundAddress,
                        rs.getString("outbound_transport"),
                        rs.getString("outbound_username"),
                        rs.getBytes("outbound_password") != null,
                        rs.getString("livekit_outbound_trunk_id"));
        OffsetDateTime syncedAt = rs.getObject("synced_at", OffsetDateTime.class);
        return new TelephonyConnection(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("carrier"),
                new TelephonyConnection.Inbound(
                        List.of((String[]) rs.getArray("inbound_addresses").getArray()),
                        rs.getString("inbound_username"),
                        rs.getBytes("inbound_password") != null),
                outbound,
                new TelephonyConnection.Sync(
                        rs.getString("sync_status"),
                        syncedAt == null ? null : syncedAt.toInstant(),
                        rs.getString("sync_error")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
