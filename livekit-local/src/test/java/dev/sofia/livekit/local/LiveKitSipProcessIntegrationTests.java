package dev.sofia.livekit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * livekit-sip as the tests run it: beside a livekit-server sharing its Redis, healthy on its health
 * port, answering SIP on loopback — and refusing a call to a number no trunk holds, which it can
 * only decide by asking livekit-server through Redis. Stopped on close.
 */
class LiveKitSipProcessIntegrationTests {

    @Test
    void startsBesideTheServerAndRefusesACallToAnUnknownNumber() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
                LiveKitProcess server =
                        LiveKitProcess.start(LiveKitServerConfig.onFreePorts().withRedis(redis.address()))) {
            LiveKitSipProcess sip =
                    LiveKitSipProcess.start(LiveKitSipConfig.forServer(server.config(), redis.address()));
            try {
                assertThat(sip.health()).isEqualTo(200);
                List<String> answers =
                        SipProbe.invite(sip.config().sipPort(), "+4915112345678", "+4930000000", Duration.ofSeconds(5));
                // It answers (provisionally) and, having learnt from livekit-server that no trunk
                // holds the number, drops the call without a final answer: livekit-sip treats
                // calls to unknown numbers as a scanner's flood and gives it nothing to learn from.
                assertThat(answers)
                        .as(sip.output())
                        .isNotEmpty()
                        .allMatch(status -> status.matches("SIP/2.0 1\\d\\d .*"));
                awaitOutput(sip, "\"reason\": \"flood\"");
            } finally {
                sip.close();
            }
            assertThat(sip.isAlive()).isFalse();
            assertThat(sip.health()).isEqualTo(-1);
        }
    }

    private static void awaitOutput(LiveKitSipProcess sip, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!sip.output().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sip.output()).contains(text);
    }
}
