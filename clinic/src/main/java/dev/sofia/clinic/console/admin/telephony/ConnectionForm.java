package dev.sofia.clinic.console.admin.telephony;

import dev.sofia.clinic.telephony.ConnectionRequest;
import dev.sofia.clinic.telephony.TelephonyConnection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The connection form's fields, named as the API's fields ({@code inbound.username} …), and the
 * {@link ConnectionRequest} they make. Passwords are write-only: the form never holds a stored
 * one, and never shows a typed one again. On an edit an empty password field keeps the stored
 * password and the "remove" box removes it, as a left-out and an empty password do in the API.
 */
final class ConnectionForm {

    static final String ADDRESSES = "inbound.allowedAddresses";

    final Map<String, String> values;

    private ConnectionForm(Map<String, String> values) {
        this.values = values;
    }

    static ConnectionForm empty() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("carrier", "generic");
        v.put("outbound.transport", "udp");
        return new ConnectionForm(v);
    }

    static ConnectionForm of(TelephonyConnection c) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", c.name());
        v.put("carrier", c.carrier());
        v.put(ADDRESSES, String.join("\n", c.inbound().allowedAddresses()));
        v.put("inbound.username", nullToEmpty(c.inbound().username()));
        v.put("outbound.transport", "udp");
        if (c.outbound() != null) {
            v.put("outbound.address", c.outbound().address());
            v.put("outbound.transport", c.outbound().transport());
            v.put("outbound.username", nullToEmpty(c.outbound().username()));
        }
        return new ConnectionForm(v);
    }

    /** The submitted fields, passwords left out (they are read by {@link #toRequest}). */
    static ConnectionForm of(MultiValueMap<String, String> params) {
        Map<String, String> v = new LinkedHashMap<>();
        params.forEach((name, list) -> {
            if (!name.endsWith("password") && !name.equals("_csrf") && !list.isEmpty()) {
                v.put(name, list.getFirst());
            }
        });
        return new ConnectionForm(v);
    }

    /** The addresses as listed, one per line (commas and spaces also separate). */
    List<String> addresses() {
        String raw = values.getOrDefault(ADDRESSES, "");
        return Arrays.stream(raw.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
    }

    ConnectionRequest toRequest(MultiValueMap<String, String> params) {
        ConnectionRequest.Inbound inbound =
                new ConnectionRequest.Inbound(addresses(), value("inbound.username"), password(params, "inbound"));
        ConnectionRequest.Outbound outbound = null;
        String outPassword = password(params, "outbound");
        if (value("outbound.address") != null
                || value("outbound.username") != null
                || (outPassword != null && !outPassword.isEmpty())) {
            outbound = new ConnectionRequest.Outbound(
                    value("outbound.address"), value("outbound.transport"), value("outbound.username"), outPassword);
        }
        return new ConnectionRequest(value("name"), value("carrier"), inbound, outbound);
    }

    /** A typed password; else "" (remove) when the remove box is ticked; else null (keep). */
    private static @Nullable String password(MultiValueMap<String, String> params, String side) {
        String typed = params.getFirst(side + ".password");
        if (typed != null && !typed.isEmpty()) {
            return typed;
        }
        return params.containsKey(side + ".removePassword") ? "" : null;
    }

    private @Nullable String value(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
