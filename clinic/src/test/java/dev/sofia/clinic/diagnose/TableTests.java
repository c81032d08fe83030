package dev.sofia.clinic.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's layout and its redaction. */
class TableTests {

    @Test
    void aFailedRowCarriesItsHintAndSecretsInDetailsAreMasked() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJrZXkifQ.c2lnbmF0dXJl";
        String table = Table.render(List.of(
                Outcome.ok("livekit-http", "127.0.0.1:7880 answers"),
                Outcome.fail("livekit-api-key", "LiveKit answered 401: invalid token: " + jwt, "check the key"),
                Outcome.skip("database", "DATABASE_URL unset")));

        assertThat(table).isEqualTo("""
                CHECK            RESULT  DETAIL
                livekit-http     OK      127.0.0.1:7880 answers
                livekit-api-key  FAIL    LiveKit answered 401: invalid token: ***
                                         fix: check the key
                database         SKIP    DATABASE_URL unset
                """);
    }

    @Test
    void theAppsOwnConfigurationProblemsAreShownAsWorded() {
        String problem = "SOFIA_SECRET_KEY is missing: the prod profile needs a key for stored credentials: set it to"
                + " the output of 'openssl rand -base64 32'";
        String table = Table.render(List.of(Outcome.fail(ConfigurationRow.NAME, problem, "fix them")));

        assertThat(table).contains(problem);
    }
}
