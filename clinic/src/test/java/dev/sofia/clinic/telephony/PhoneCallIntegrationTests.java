package dev.sofia.clinic.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sofia.agents.testkit.deepgram.FakeDeepgramServer;
import dev.sofia.clinic.demo.DemoSeed;
import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.TestClock;
import dev.sofia.clinic.support.livekit.LiveKitIntegrationTest;
import dev.sofia.clinic.support.livekit.LiveKitServerExtension;
import dev.sofia.clinic.support.phone.PhonePractice;
import dev.sofia.clinic.system.PhoneNumbers;
import dev.sofia.livekit.local.sip.CallerSpeech;
import dev.sofia.livekit.local.sip.RtpListener;
import dev.sofia.livekit.local.sip.Sipp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A phone call end to end, every part real except the speech recogniser's cloud: the app's
 * livekit-server with Redis, livekit-sip beside it, the app's own agent worker, and SIPp as the
 * carrier. The practice is provisioned only through the app's telephony API (connection, number,
 * route, transfer target → TelephonySync makes the inbound trunk and the dispatch rule scoped to it
 * that dispatches agent {@code sofia}). SIPp calls the practice's number from a demo patient's
 * phone; Sofia's greeting reaches the caller as RTP with sound in it; the caller says (espeak-ng
 * audio; the transcript comes from a local server speaking Deepgram's streaming protocol) "Bitte
 * verbinden Sie mich mit der Praxis"; Sofia's transfer tool makes livekit-sip send the carrier a
 * REFER to the practice's main line; the carrier accepts it and the call ends. The call session,
 * opened by LiveKit's webhooks, has the caller's number (masked wherever it is shown), the patient
 * that number belongs to, and ends as transferred.
 *
 * <p>Why a Deepgram stand-in and not DTMF: the transfer is what an LLM or the offline dialog engine
 * decides from what the caller says, and speech recognition is how every phone call reaches it; a
 * key press would take a path (DTMF) that ordinary calls do not take. The stand-in answers with
 * the scripted words once it has received the caller's audio (it cannot understand it), so the
 * audio does travel SIPp → livekit-sip → LiveKit → the worker → the recogniser.
 */
@LiveKitIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
// Refusals first: a finished call's room closes (and its last webhook arrives) up to ~20 s after
// the call, which would put a session into the next test's freshly emptied database.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneCallIntegrationTests {

    static final String PRACTICE_NUMBER = PhonePractice.NUMBER;
    static final String MAIN_LINE = PhonePractice.MAIN_LINE;
    static final String MUSTERMANN = PhonePractice.MUSTERMANN;

    private static final String DEEPGRAM_KEY = "dg-test-key";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    static final LiveKitServerExtension livekit =
            LiveKitServerExtension.withWebhooksToApp().withSip();

    /**
     * The recogniser hears the whole call from its start (livekit-sip sends silence too); the
     * stand-in lays the words out on that timeline where the caller says them (set per call, see
     * {@link #SILENCE_FIRST}).
     */
    static final FakeDeepgramServer deepgram =
            FakeDeepgramServer.start(DEEPGRAM_KEY).utterances("Bitte verbinden Sie mich mit der Praxis.");

    /** The caller is silent while Sofia greets, then speaks. */
    private static final Duration SILENCE_FIRST = Duration.ofSeconds(7);

    /** Deepgram's final result comes once the speaker has paused (endpointing 300 ms), not before. */
    private static final Duration ENDPOINTING = Duration.ofMillis(400);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        livekit.registerProperties(registry);
        registry.add("sofia.receptionist.stt", () -> "deepgram");
        registry.add("sofia.receptionist.deepgram.api-key", () -> DEEPGRAM_KEY);
        registry.add(
                "sofia.receptionist.deepgram.base-url", () -> deepgram.baseUrl().toString());
    }

    @AfterAll
    static void stopDeepgram() {
        deepgram.close();
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
        // real time: LiveKit checks tokens against its own clock
        clock.reset();
        fixtures.empty();
        new DemoSeed(fixtures.jdbc(), clock, ZoneId.of("Europe/Berlin")).seed();
    }

    @Test
    @Order(2)
    void sofiaAnswersRecognisesTheCallerAndTransfersToTheMainLine(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        PhonePractice.provision(api);
        Path speech = CallerSpeech.ulaw(
                "Bitte verbinden Sie mich mit der Praxis.", "de", SILENCE_FIRST, dir.resolve("speech.ulaw"));
        // the words end where the caller's audio ends (8000 µ-law bytes a second), as a real
        // recogniser's final result would: earlier, and Sofia would answer into the caller's speech
        Duration spoken = Duration.ofMillis(Files.size(speech) / 8).minus(SILENCE_FIRST);
        deepgram.startAfter(SILENCE_FIRST).timing(spoken.plus(ENDPOINTING), Duration.ofMillis(500));

        try (RtpListener ear = RtpListener.start();
                Sipp carrier = Sipp.start(
                        "carrier-call-transfer.xml",
                        livekit.sip().config().sipAddress(),
                        dir,
                        Map.of(
                                "caller", MUSTERMANN,
                                "called", PRACTICE_NUMBER,
                                "audio_port", Integer.toString(ear.port())),
                        1,
                        1)) {
            Instant invited = Instant.now();

            // The greeting: at least half a second of sound reaches the caller.
            assertThat(ear.awaitVoiced(25, PATIENCE))
                    .as(
                            "Sofia's voice at the caller (%d RTP packets, loudest RMS %.0f)\n%s\nlivekit-sip:\n%s",
                            ear.packets(),
                            ear.loudestRms(),
                            carrier.diagnosis(),
                            tail(livekit.sip().output()))
                    .isTrue();
            System.out.printf(
                    "phone call: INVITE to first audio at the caller %d ms%n",
                    Duration.between(invited, ear.firstVoiced()).toMillis());

            // The caller asks to be put through; the carrier gets the REFER and the call ends.
            int exit = carrier.await(Duration.ofMinutes(3));
            assertThat(exit)
                    .as(
                            "sipp exit code\n%s\nlivekit-sip:\n%s",
                            carrier.diagnosis(), tail(livekit.sip().output()))
                    .isZero();
            assertThat(carrier.actions()).contains("REFER to tel:" + MAIN_LINE);
            // The caller's speech, not just silence, reached the recogniser through LiveKit.
            assertThat(deepgram.sessions()).isNotEmpty();
            assertThat(deepgram.sessions().getFirst().loudestSample())
                    .as(
                            "%s\nlivekit-sip:\n%s",
                            carrier.diagnosis(),
                            livekit.sip()
                                    .output()
                                    .lines()
                                    .filter(l ->
                                            l.contains("call statistics") || l.contains("rtp") || l.contains("RTP"))
                                    .toList())
                    .isGreaterThan(1000);
        }

        JsonNode call = await("the call session is closed", () -> {
            JsonNode calls = api.get("/api/calls?channel=phone").json();
            for (JsonNode c : Api.list(calls.get("calls"))) {
                if ("ended".equals(c.path("status").asString())) {
                    return c;
                }
            }
            return null;
        });
        assertThat(call.get("channel").asString()).isEqualTo("phone");
        assertThat(call.get("callerNumber").asString()).isEqualTo(PhoneNumbers.mask(MUSTERMANN));
        assertThat(call.get("calledNumber").asString()).isEqualTo(PhoneNumbers.mask(PRACTICE_NUMBER));
        assertThat(call.toString()).doesNotContain(MUSTERMANN.substring(1));
        assertThat(UUID.fromString(call.get("patientId").asString())).isEqualTo(patient("Mustermann"));
        assertThat(call.get("outcome").asString()).isEqualTo("transferred");
        assertThat(call.get("endReason").asString()).isEqualTo("transferred");

        // Nothing the app logged during the call carries the caller's whole number.
        assertThat(output.getAll()).doesNotContain(MUSTERMANN.substring(3));
    }

    /**
     * Calls Sofia must not take: to a number the practice does not have, and to its number from
     * an address its carrier connection does not allow. livekit-sip refuses both before LiveKit
     * sees them — no room, so no agent and no call session — and counts them.
     */
    @Test
    @Order(1)
    void callsToAnUnknownNumberOrFromAnAddressNotAllowedAreRefused(@TempDir Path dir) throws Exception {
        PhonePractice.provision(api);
        double refusedBefore = refusedInvites();

        refusedCall(dir, "unknown-number", "127.0.0.1", "+4930000000");
        refusedCall(dir, "foreign-address", "127.0.0.2", PRACTICE_NUMBER);

        await(
                "livekit-sip counted both refusals",
                () -> refusedInvites() >= refusedBefore + 2 ? true : null,
                () -> (livekit.sip().output() + livekit.sip().metrics())
                        .lines()
                        .filter(line -> line.contains("Closing inbound call") || line.startsWith("livekit_sip_calls"))
                        .map(line -> line.length() > 900 ? line.substring(0, 900) : line)
                        .toList()
                        .toString());
        assertThat(LiveKitClients.require("list rooms", clients.rooms().listRooms()))
                .as("rooms in LiveKit")
                .isEmpty();
        assertThat(Api.list(api.get("/api/calls").json().get("calls"))).isEmpty();
    }

    private void refusedCall(Path dir, String name, String from, String called) throws Exception {
        Path callDir = Files.createDirectory(dir.resolve(name));
        try (Sipp carrier = Sipp.start(
                "carrier-call-refused.xml",
                livekit.sip().config().sipAddress(),
                from,
                callDir,
                Map.of("caller", MUSTERMANN, "called", called),
                1,
                1)) {
            assertThat(carrier.await(Duration.ofMinutes(1)))
                    .as(carrier.diagnosis())
                    .isNotEqualTo(-1);
            assertThat(carrier.messages()).doesNotContain("SIP/2.0 200 OK");
        }
    }

    /**
     * livekit_sip_calls_terminated with result client_error: the calls livekit-sip refused (v1.8.0
     * counts a dropped "flood" call there, not in invite_error, and its invite_accepted counts
     * every INVITE it looked up, refused or not).
     */
    private static double refusedInvites() {
        return livekit.sip()
                .metrics()
                .lines()
                .filter(line ->
                        line.startsWith("livekit_sip_calls_terminated{") && line.contains("result=\"client_error\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private UUID patient(String lastName) {
        return fixtures.jdbc()
                .sql("select id from patients where last_name = ? order by date_of_birth limit 1")
                .param(lastName)
                .query(UUID.class)
                .single();
    }

    private static <T> T await(String what, Supplier<@Nullable T> probe) throws InterruptedException {
        return await(what, probe, () -> "");
    }

    private static <T> T await(String what, Supplier<@Nullable T> probe, Supplier<String> diagnosis)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("gave up waiting until " + what + " after " + PATIENCE + " " + diagnosis.get());
            }
            Thread.sleep(200);
        }
    }

    private static String tail(String text) {
        var lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
