package dev.sofia.clinic.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sofia.clinic.demo.DemoSeed;
import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.receptionist.PhonePhrases;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.TestClock;
import dev.sofia.clinic.support.livekit.LiveKitIntegrationTest;
import dev.sofia.clinic.support.livekit.LiveKitServerExtension;
import dev.sofia.clinic.support.phone.PhonePractice;
import dev.sofia.livekit.local.sip.RtpListener;
import dev.sofia.livekit.local.sip.Sipp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import livekit.LivekitModels;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of a phone call beyond the conversation, with the same real parts as
 * PhoneCallIntegrationTests (livekit-server with Redis, livekit-sip, the app's worker, SIPp as the
 * carrier): the caller's key 1 puts an emergency through; a call over the practice's limit of calls
 * at once is put through to the main line; a call that reaches the practice's longest duration is
 * ended by Sofia. Busy first: a finished call's room closes (and its last webhook arrives) up to
 * ~20 s after the call, which could leave a session in a later test's emptied database.
 */
@LiveKitIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneCallRulesIntegrationTests {

    static final String EMERGENCY_LINE = "+4930901828";
    /** A caller the practice does not know. */
    static final String UNKNOWN_CALLER = "+4917699887766";

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    static final LiveKitServerExtension livekit =
            LiveKitServerExtension.withWebhooksToApp().withSip();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        livekit.registerProperties(registry);
    }

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    LiveKitClients clients;

    @BeforeEach
    void seedTheDemoPracticeOnTheRealClock() {
        clock.reset();
        fixtures.empty();
        new DemoSeed(fixtures.jdbc(), clock, ZoneId.of("Europe/Berlin")).seed();
        // real time: LiveKit checks tokens against its own clock, and which call came first counts
        clock.runReal();
    }

    @Test
    @Order(1)
    void aCallOverThePracticesLimitIsPutThroughToTheMainLine(@TempDir Path dir) throws Exception {
        PhonePractice.provision(api);
        setCallLimits(15, 1);

        try (RtpListener firstEar = RtpListener.start();
                RtpListener secondEar = RtpListener.start();
                Sipp first = Sipp.start(
                        "carrier-call-held.xml",
                        livekit.sip().config().sipAddress(),
                        withSilence(Files.createDirectory(dir.resolve("first"))),
                        callFrom(PhonePractice.MUSTERMANN, firstEar),
                        1,
                        1)) {
            // the first call holds the practice's only line, Sofia talking to it
            assertThat(firstEar.awaitVoiced(25, PATIENCE)).as(first.diagnosis()).isTrue();
            try (Sipp second = Sipp.start(
                    "carrier-call-busy.xml",
                    livekit.sip().config().sipAddress(),
                    Files.createDirectory(dir.resolve("second")),
                    callFrom(UNKNOWN_CALLER, secondEar),
                    1,
                    1)) {
                assertThat(second.await(Duration.ofMinutes(3)))
                        .as("sipp exit code\n%s", second.diagnosis())
                        .isZero();
                assertThat(second.actions()).contains("REFER to tel:" + PhonePractice.MAIN_LINE);
                assertThat(secondEar.voicedPackets()).as("the busy notice").isGreaterThanOrEqualTo(25);
            }
            assertThat(first.isAlive()).as("the first call goes on").isTrue();

            // staff hang the first call up; livekit-sip sends the carrier its BYE
            List<String> rooms = LiveKitClients.require(
                            "list rooms", clients.rooms().listRooms())
                    .stream()
                    .map(LivekitModels.Room::getName)
                    .filter(name -> name.contains(PhonePractice.MUSTERMANN))
                    .toList();
            assertThat(rooms).hasSize(1);
            Api.Response hangUp = api.post("/api/telephony/calls/" + rooms.getFirst() + "/hangup", "");
            assertThat(hangUp.status()).as(hangUp.raw().body()).isBetween(200, 204);
            assertThat(first.await(Duration.ofMinutes(1))).as(first.diagnosis()).isZero();
        }

        JsonNode busy = endedCall(c -> c.path("outcome").asString().equals("transferred"));
        assertThat(busy.get("summary").asString()).contains("Alle Leitungen belegt");
        assertThat(agentLines(busy)).isEqualTo(PhonePhrases.busyConnectingTeam("de") + "\n");
    }

    @Test
    @Order(3)
    void aCallThatReachesTheLongestDurationIsEndedBySofia(@TempDir Path dir) throws Exception {
        PhonePractice.provision(api);
        setCallLimits(1, 10);

        Instant invited = Instant.now();
        try (RtpListener ear = RtpListener.start();
                Sipp carrier = Sipp.start(
                        "carrier-call-held.xml",
                        livekit.sip().config().sipAddress(),
                        withSilence(dir),
                        callFrom(PhonePractice.MUSTERMANN, ear),
                        1,
                        1)) {
            assertThat(carrier.await(Duration.ofMinutes(4)))
                    .as("sipp: livekit-sip hung up\n%s", carrier.diagnosis())
                    .isZero();
        }
        System.out.printf(
                "phone call with a 1-minute limit: INVITE to BYE %d s%n",
                Duration.between(invited, Instant.now()).toSeconds());

        JsonNode call = endedCall(c -> true);
        assertThat(agentLines(call)).endsWith(PhonePhrases.timeUp("de") + "\n");
    }

    @Test
    @Order(2)
    void pressingOnePutsTheCallerThroughToTheEmergencyLine(@TempDir Path dir) throws Exception {
        PhonePractice.provision(api);
        Api.Response emergency = api.post(
                "/api/telephony/transfer-targets",
                Api.json(Map.of("kind", "emergency", "number", EMERGENCY_LINE, "label", "Notfalltelefon")));
        assertThat(emergency.status()).as(emergency.raw().body()).isEqualTo(201);

        try (RtpListener ear = RtpListener.start();
                Sipp carrier = Sipp.start(
                        "carrier-call-emergency-key.xml",
                        livekit.sip().config().sipAddress(),
                        dir,
                        Map.of(
                                "caller", PhonePractice.MUSTERMANN,
                                "called", PhonePractice.NUMBER,
                                "audio_port", Integer.toString(ear.port())),
                        1,
                        1)) {
            int exit = carrier.await(Duration.ofMinutes(3));
            assertThat(exit).as("sipp exit code\n%s", carrier.diagnosis()).isZero();
            assertThat(carrier.actions()).contains("REFER to tel:" + EMERGENCY_LINE);
            assertThat(ear.voicedPackets()).as("Sofia's voice at the caller").isGreaterThanOrEqualTo(25);
        }

        JsonNode call = endedCall(c -> c.path("outcome").asString().equals("transferred"));
        assertThat(call.get("endReason").asString()).isEqualTo("transferred");
        assertThat(call.get("summary").asString()).contains("Notfalltelefon", "Notfalltaste 1");
        String said = agentLines(call);
        assertThat(said).contains("Bei einem Notfall drücken Sie bitte die 1.");
        assertThat(said).contains("Ich verbinde Sie sofort mit unserem Notfalltelefon.");
    }

    /**
     * A finished call's room closes (and its last webhook arrives) up to ~20 s after the call; the
     * next test must not find it in its emptied database.
     */
    @AfterEach
    void awaitEveryRoomClosed() throws InterruptedException {
        await(
                "LiveKit has closed every room",
                () -> LiveKitClients.require("list rooms", clients.rooms().listRooms())
                                .isEmpty()
                        ? true
                        : null);
    }

    /** A minute of µ-law silence, which carrier-call-held.xml loops: the caller stays on the line. */
    private static Path withSilence(Path dir) throws IOException {
        byte[] silence = new byte[8000 * 60];
        Arrays.fill(silence, (byte) 0xFF);
        Files.write(dir.resolve("silence.ulaw"), silence);
        return dir;
    }

    private static Map<String, String> callFrom(String caller, RtpListener ear) {
        return Map.of("caller", caller, "called", PhonePractice.NUMBER, "audio_port", Integer.toString(ear.port()));
    }

    /** The practice's call limits, set through its settings API as staff would. */
    private void setCallLimits(int maxCallMinutes, int maxConcurrentCalls) {
        ObjectNode practice = (ObjectNode) api.get("/api/practice").json();
        practice.put("maxCallMinutes", maxCallMinutes);
        practice.put("maxConcurrentCalls", maxConcurrentCalls);
        Api.Response saved = api.put("/api/practice", practice.toString());
        assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
    }

    /** The first ended phone call that {@code which} accepts, once there is one. */
    private JsonNode endedCall(Predicate<JsonNode> which) throws InterruptedException {
        return await("the call session is closed", () -> {
            for (JsonNode c :
                    Api.list(api.get("/api/calls?channel=phone").json().get("calls"))) {
                if ("ended".equals(c.path("status").asString()) && which.test(c)) {
                    return c;
                }
            }
            return null;
        });
    }

    /** Everything Sofia said in the call, from its recorded transcript. */
    private String agentLines(JsonNode call) {
        StringBuilder said = new StringBuilder();
        for (JsonNode line : Api.list(api.get("/api/calls/" + call.get("id").asString() + "/transcript")
                .json())) {
            if ("agent".equals(line.path("speaker").asString())) {
                said.append(line.path("text").asString()).append('\n');
            }
        }
        return said.toString();
    }

    private static <T> T await(String what, Supplier<@Nullable T> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("gave up waiting until " + what + " after " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }
}
