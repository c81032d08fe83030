package dev.sofia.clinic.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.calls.CallMessage.Kind;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Staff's messages over HTTP: the list, marking done, and problem+json for anything wrong. */
@ClinicIntegrationTest
class CallMessagesHttpIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    CallMessages messages;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Instant now;

    @BeforeEach
    void setUp() {
        clock.reset();
        fixtures.reset();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void staffListOpenMessagesAndMarkOneDone() {
        CallMessage older = create(now.minusSeconds(20), Kind.CALLBACK, "Rückruf wegen Rechnung.");
        CallMessage newer = create(now.minusSeconds(10), Kind.HANDOVER, "Wollte Dr. Weber sprechen.");

        JsonNode open = api.get("/api/messages?status=open").json();
        assertThat(Api.list(open))
                .extracting(m -> m.get("id").asString())
                .containsExactly(newer.id().toString(), older.id().toString());
        JsonNode first = open.get(0);
        assertThat(first.get("kind").asString()).isEqualTo("handover");
        assertThat(first.get("status").asString()).isEqualTo("open");
        assertThat(first.get("phone").asString()).isEqualTo("+4930901820");
        assertThat(first.get("reason").asString()).isEqualTo("Wollte Dr. Weber sprechen.");
        assertThat(first.has("doneAt")).isFalse();

        Api.Response done = api.post("/api/messages/" + older.id() + "/done", "{\"doneBy\":\"Anna\"}");

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("done");
        assertThat(done.json().get("doneBy").asString()).isEqualTo("Anna");
        assertThat(Instant.parse(done.json().get("doneAt").asString())).isEqualTo(now);
        assertThat(Api.list(api.get("/api/messages?status=open").json()))
                .extracting(m -> m.get("id").asString())
                .containsExactly(newer.id().toString());
        assertThat(Api.list(api.get("/api/messages?status=done").json()))
                .extracting(m -> m.get("id").asString())
                .containsExactly(older.id().toString());
        assertThat(Api.list(api.get("/api/messages?limit=1").json())).hasSize(1);
        // again: the same answer, the first name and time kept
        Api.Response again = api.post("/api/messages/" + older.id() + "/done", "{\"doneBy\":\"Bernd\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(done.json());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown status   | /api/messages?status=pending | 400 | status
            limit zero       | /api/messages?limit=0        | 400 | limit
            limit too large  | /api/messages?limit=201      | 400 | limit
            limit not number | /api/messages?limit=many     | 400 | limit
            """)
    void aBadListRequestIsAProblemNamingTheField(String name, String path, int status, String field) {
        assertProblem(api.get(path), status, field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            doneBy missing   | {}                  | 400 | doneBy
            doneBy blank     | {"doneBy":"  "}     | 400 | doneBy
            doneBy not text  | {"doneBy":["Anna"]} | 400 | doneBy
            body not JSON    | {"doneBy":          | 400 | body
            """)
    void aBadDoneRequestIsAProblemAndChangesNothing(String name, String body, int status, String field) {
        CallMessage message = create(now.minusSeconds(10), Kind.CALLBACK, "Rückruf.");

        assertProblem(api.post("/api/messages/" + message.id() + "/done", body), status, field);

        assertThat(messages.find(message.id())).contains(message);
    }

    @Test
    void aTooLongNameIsRefused() {
        CallMessage message = create(now.minusSeconds(10), Kind.CALLBACK, "Rückruf.");

        assertProblem(
                api.post("/api/messages/" + message.id() + "/done", "{\"doneBy\":\"" + "x".repeat(101) + "\"}"),
                400,
                "doneBy");
        assertThat(messages.find(message.id())).contains(message);
    }

    @Test
    void anUnknownMessageIsNotFound() {
        assertProblem(api.post("/api/messages/" + UUID.randomUUID() + "/done", "{\"doneBy\":\"Anna\"}"), 404, null);
        assertProblem(api.post("/api/messages/not-a-uuid/done", "{\"doneBy\":\"Anna\"}"), 400, "id");
    }

    private CallMessage create(Instant at, Kind kind, String reason) {
        clock.set(at);
        try {
            return messages.create(new NewCallMessage(null, null, kind, "Erika", "+4930901820", reason, "de"));
        } finally {
            clock.set(now);
        }
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("/problems/");
        assertThat(problem.get("detail").asString()).isNotBlank();
        if (field != null) {
            assertThat(Api.list(problem.path("errors")))
                    .as(response.raw().body())
                    .extracting(error -> error.get("field").asString())
                    .contains(field);
        }
    }
}
