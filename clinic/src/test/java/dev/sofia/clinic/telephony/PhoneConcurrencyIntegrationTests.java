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
import dev.sofia.livekit.local.sip.RtpListener;
import dev.sofia.livekit.local.sip.Sipp;
import dev.sofia.livekit.local.sip.SippInvites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@value #CALLS} phone calls at once on this machine, through the same real parts as
 * PhoneCallIntegrationTests (livekit-server with Redis, livekit-sip, the app's worker, SIPp): each
 * is answered, each caller hears a greeting (RTP with sound at its own port), and every call
 * session is closed after SIPp hangs up. Prints INVITE → first audio at the caller for each call
 * (p50/p95); bench/run-phone.sh measures the same in steps of 1, 5, 10 and 20 calls
 * (bench/results/phone.md).
 */
@LiveKitIntegrationTest
class PhoneConcurrencyIntegrationTests {

    static final int CALLS = Integer.getInteger("sofia.phone.concurrent-calls", 20);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

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
        clock.reset();
        fixtures.empty();
        new DemoSeed(fixtures.jdbc(), clock, ZoneId.of("Europe/Berlin")).seed();
    }

    @Test
    void twentyCallersAtOnceAreAnsweredHearTheGreetingAndEverySessionCloses(@TempDir Path dir) throws Exception {
        PhonePractice.provision(api);
        allowConcurrentCalls(CALLS);
        List<RtpListener> ears = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                ears.add(RtpListener.start());
            }
            Files.writeString(
                    dir.resolve("calls.csv"),
                    "SEQUENTIAL\n" + ears.stream().map(e -> e.port() + ";").collect(Collectors.joining("\n")) + "\n");
            try (Sipp carrier = Sipp.start(
                    "carrier-call-greeting.xml",
                    livekit.sip().config().sipAddress(),
                    dir,
                    Map.of("caller", PhonePractice.MUSTERMANN, "called", PhonePractice.NUMBER),
                    CALLS,
                    CALLS)) {
                int exit = carrier.await(PATIENCE);
                assertThat(exit)
                        .as("sipp: every call went through\n%s", carrier.diagnosis())
                        .isZero();

                Map<Integer, Instant> invited = SippInvites.byAudioPort(carrier.messages());
                List<Long> latencies = new ArrayList<>();
                for (RtpListener ear : ears) {
                    assertThat(ear.voicedPackets())
                            .as(
                                    "greeting at port %d (%d packets, loudest RMS %.0f)",
                                    ear.port(), ear.packets(), ear.loudestRms())
                            .isGreaterThanOrEqualTo(25);
                    assertThat(invited).containsKey(ear.port());
                    latencies.add(Duration.between(invited.get(ear.port()), ear.firstVoiced())
                            .toMillis());
                }
                latencies.sort(null);
                System.out.printf(
                        "phone calls: %d concurrent, INVITE to first audio at the caller p50 %d ms, p95 %d ms, max %d ms, all %s%n",
                        CALLS, percentile(latencies, 50), percentile(latencies, 95), latencies.getLast(), latencies);
            }
        } finally {
            ears.forEach(RtpListener::close);
        }

        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<JsonNode> calls =
                    Api.list(api.get("/api/calls?channel=phone").json().get("calls"));
            long ended = calls.stream()
                    .filter(c -> "ended".equals(c.path("status").asString()))
                    .count();
            if (calls.size() == CALLS && ended == CALLS) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("after " + PATIENCE + ": " + calls.size() + " phone sessions, " + ended + " ended: " + calls);
            }
            Thread.sleep(500);
        }
    }

    /** The practice's limit of calls at once (10 by default): above it callers hear a busy notice. */
    private void allowConcurrentCalls(int calls) {
        ObjectNode practice = (ObjectNode) api.get("/api/practice").json();
        practice.put("maxConcurrentCalls", calls);
        Api.Response saved = api.put("/api/practice", practice.toString());
        assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
