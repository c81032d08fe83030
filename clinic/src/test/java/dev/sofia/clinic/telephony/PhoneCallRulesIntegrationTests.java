package dev.sofia.clinic.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sofia.clinic.demo.DemoSeed;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.TestClock;
import dev.sofia.clinic.support.livekit.LiveKitIntegrationTest;
import dev.sofia.clinic.support.livekit.LiveKitServerExtension;
import dev.sofia.clinic.support.phone.PhonePractice;
import dev.sofia.clinic.support.phone.RtpListener;
import dev.sofia.clinic.support.phone.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The rules of a phone call beyond the conversation, with the same real parts as
 * PhoneCallIntegrationTests (livekit-server with Redis, livekit-sip, the app's worker, SIPp as the
 * carrier): the caller's key 1 puts an emergency through.
 */
@LiveKitIntegrationTest
class PhoneCallRulesIntegrationTests {

    static final String EMERGENCY_LINE = "+4930901828";
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

    @BeforeEach
    void seedTheDemoPracticeOnTheRealClock() {
        clock.reset(); // real time: LiveKit checks tokens against its own clock
        fixtures.empty();
        new DemoSeed(fixtures.jdbc(), clock, ZoneId.of("Europe/Berlin")).seed();
    }

    @Test
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

        JsonNode call = endedCall();
        assertThat(call.get("outcome").asString()).isEqualTo("transferred");
        assertThat(call.get("endReason").asString()).isEqualTo("transferred");
        assertThat(call.get("summary").asString()).contains("Notfalltelefon", "Notfalltaste 1");
        String said = agentLines(call);
        assertThat(said).contains("Bei einem Notfall drücken Sie bitte die 1.");
        assertThat(said).contains("Ich verbinde Sie sofort mit unserem Notfalltelefon.");
    }

    private JsonNode endedCall() throws InterruptedException {
        return await("the call session is closed", () -> {
            for (JsonNode c :
                    Api.list(api.get("/api/calls?channel=phone").json().get("calls"))) {
                if ("ended".equals(c.path("status").asString())) {
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
