package dev.sofia.clinic.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A change of the practice's call limits starts a telephony sync once it is committed, and only a
 * change does. Here LiveKit runs without Redis, so its SIP API refuses: the sync cannot finish,
 * and the connection's {@code pending} status with LiveKit's reason is stored (written outside the
 * finished transaction) while the practice change itself stands.
 */
@ClinicIntegrationTest
class CallLimitsSyncIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    private UUID connection;

    @BeforeEach
    void aSyncedConnection() {
        fixtures.reset();
        connection = UUID.randomUUID();
        fixtures.jdbc().sql("""
                        insert into telephony_connections (id, name, carrier, inbound_addresses, sync_status, synced_at)
                        values (?, 'Carrier', 'generic', '{192.0.2.0/24}', 'synced', now())
                        """).param(connection).update();
    }

    @Test
    void aChangeOfTheCallLimitsIsSyncedAfterTheCommitAndASaveWithoutOneIsNot() {
        assertThat(put(15, 10)).isEqualTo(200);
        assertThat(status()).containsEntry("sync_status", "synced");

        assertThat(put(15, 12)).isEqualTo(200);
        Map<String, Object> afterConcurrentOnly = status();
        assertThat(afterConcurrentOnly).containsEntry("sync_status", "pending");

        markSynced();
        assertThat(put(25, 12)).isEqualTo(200);
        Map<String, Object> after = status();
        assertThat(after).containsEntry("sync_status", "pending");
        assertThat((String) after.get("sync_error")).contains("SIP");
        assertThat(api.get("/api/practice").json().get("maxCallMinutes").asInt())
                .isEqualTo(25);
    }

    private int put(int maxCallMinutes, int maxConcurrentCalls) {
        @SuppressWarnings("unchecked")
        Map<String, Object> practice =
                JsonMapper.shared().convertValue(api.get("/api/practice").json(), Map.class);
        practice.put("maxCallMinutes", maxCallMinutes);
        practice.put("maxConcurrentCalls", maxConcurrentCalls);
        return api.put("/api/practice", Api.json(practice)).status();
    }

    private Map<String, Object> status() {
        return fixtures.jdbc()
                .sql("select sync_status, sync_error from telephony_connections where id = ?")
                .param(connection)
                .query()
                .singleRow();
    }

    private void markSynced() {
        fixtures.jdbc()
                .sql("update telephony_connections set sync_status = 'synced', sync_error = null where id = ?")
                .param(connection)
                .update();
    }
}
