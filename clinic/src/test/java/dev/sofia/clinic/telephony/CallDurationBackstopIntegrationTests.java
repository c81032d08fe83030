package dev.sofia.clinic.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.demo.DemoSeed;
import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.livekit.SipTrunkClient;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.TestClock;
import dev.sofia.clinic.support.livekit.LiveKitIntegrationTest;
import dev.sofia.clinic.support.livekit.LiveKitServerExtension;
import dev.sofia.clinic.support.phone.PhonePractice;
import dev.sofia.livekit.local.sip.RtpListener;
import dev.sofia.livekit.local.sip.Sipp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The backstop behind the practice's longest call, with the real parts: the inbound trunk Sofia
 * provisions carries a maximum call duration, livekit-server hands it to livekit-sip with the
 * call, and livekit-sip ends a call that lasts that long (BYE to the carrier) although nobody hung
 * up. The trunk's maximum is shortened by hand to {@link #MAX} here: the shortest the practice
 * setting allows is one minute plus the minute of grace.
 */
@LiveKitIntegrationTest
class CallDurationBackstopIntegrationTests {

    /** Long enough for Sofia to answer first (INVITE to greeting takes about 5 s), far below 16 min. */
    private static final Duration MAX = Duration.ofSeconds(20);

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

    @Autowired
    SipTrunkClient trunks;

    @BeforeEach
    void seedTheDemoPracticeOnTheRealClock() {
        clock.reset();
        fixtures.empty();
        new DemoSeed(fixtures.jdbc(), clock, ZoneId.of("Europe/Berlin")).seed();
    }

    @Test
    void livekitSipEndsACallThatReachesTheTrunksMaximumCallDuration(@TempDir Path dir) throws Exception {
        PhonePractice.provision(api);
        List<SIPInboundTrunkInfo> provisioned =
                LiveKitClients.require("list", clients.sip().listSipInboundTrunk());
        assertThat(provisioned).hasSize(1);
        SIPInboundTrunkInfo trunk = provisioned.getFirst();
        assertThat(trunk.getMaxCallDuration().getSeconds()).isEqualTo(16 * 60);
        LiveKitClients.require(
                "shorten by hand",
                trunks.replaceInboundTrunk(
                        trunk.getSipTrunkId(),
                        trunk.toBuilder()
                                .setMaxCallDuration(com.google.protobuf.Duration.newBuilder()
                                        .setSeconds(MAX.toSeconds()))
                                .build()));
        // 60 s of µ-law silence (0xFF), looped by SIPp: the caller stays on the line with media.
        byte[] silence = new byte[8000 * 60];
        Arrays.fill(silence, (byte) 0xFF);
        Files.write(dir.resolve("silence.ulaw"), silence);
        double endedByTimeoutBefore = hangupTerminations();

        Instant invited;
        try (RtpListener ear = RtpListener.start();
                Sipp carrier = Sipp.start(
                        "carrier-call-held.xml",
                        livekit.sip().config().sipAddress(),
                        dir,
                        Map.of(
                                "caller", PhonePractice.MUSTERMANN,
                                "called", PhonePractice.NUMBER,
                                "audio_port", Integer.toString(ear.port())),
                        1,
                        1)) {
            invited = Instant.now();
            int exit = carrier.await(Duration.ofMinutes(3));
            Duration lasted = Duration.between(invited, Instant.now());

            assertThat(exit).as("sipp exit code\n%s", carrier.diagnosis()).isZero();
            assertThat(carrier.actions()).contains("answered").contains("BYE from livekit-sip");
            // Not before the maximum: the call was ended by it, not by anything earlier.
            assertThat(lasted).isGreaterThanOrEqualTo(MAX);
            System.out.printf(
                    "held phone call ended by livekit-sip after %d ms (maximum %s)%n", lasted.toMillis(), MAX);
        }
        // livekit-sip counts a call whose maximum duration ran out as terminated, reason "hangup"
        // (v1.8.0: the call's context times out; media timeouts and room closes have other reasons).
        assertThat(hangupTerminations()).isEqualTo(endedByTimeoutBefore + 1);
    }

    private static double hangupTerminations() {
        return livekit.sip()
                .metrics()
                .lines()
                .filter(line -> line.startsWith("livekit_sip_calls_terminated{") && line.contains("reason=\"hangup\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
