package dev.sofia.clinic.support.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The demo practice's phone set-up, made only through the app's telephony API as staff would:
 * a carrier connection that allows calls from 127.0.0.1 (SIPp), the practice's number, a German
 * route to agent {@code sofia}, and the main line calls are transferred to. TelephonySync turns it
 * into LiveKit's inbound trunk and the dispatch rule scoped to it.
 */
public final class PhonePractice {

    public static final String NUMBER = "+4930901820";
    public static final String MAIN_LINE = "+4930901829";
    /** Max Mustermann's number in the demo practice. */
    public static final String MUSTERMANN = "+4915112345678";

    private PhonePractice() {}

    /** Provisions it and checks that LiveKit holds it (sync status {@code synced}). */
    public static void provision(Api api) {
        Api.Response connection = api.post(
                "/api/telephony/connections",
                Api.json(Map.of(
                        "name",
                        "Carrier (SIPp)",
                        "carrier",
                        "generic",
                        "inbound",
                        Map.of("allowedAddresses", List.of("127.0.0.1")))));
        assertThat(connection.status()).as(connection.raw().body()).isEqualTo(201);
        String connectionId = connection.json().get("id").asString();
        Api.Response number = api.post(
                "/api/telephony/numbers",
                Api.json(Map.of("connectionId", connectionId, "number", NUMBER, "label", "Praxis")));
        assertThat(number.status()).as(number.raw().body()).isEqualTo(201);
        Api.Response route = api.post(
                "/api/telephony/routes",
                Api.json(Map.of(
                        "phoneNumberId", number.json().get("id").asString(), "language", "de", "enabled", true)));
        assertThat(route.status()).as(route.raw().body()).isEqualTo(201);
        Api.Response target = api.post(
                "/api/telephony/transfer-targets",
                Api.json(Map.of("kind", "main", "number", MAIN_LINE, "label", "Empfang")));
        assertThat(target.status()).as(target.raw().body()).isEqualTo(201);
        JsonNode synced = api.get("/api/telephony/connections/" + connectionId).json();
        assertThat(synced.at("/sync/status").asString()).as(synced.toString()).isEqualTo("synced");
    }
}
