package dev.sofia.livekit.local.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.sofia.livekit.local.FreePorts;
import dev.sofia.livekit.local.LiveKitProcess;
import dev.sofia.livekit.local.LiveKitServerConfig;
import dev.sofia.livekit.local.LiveKitSipProcess;
import dev.sofia.livekit.local.RedisProcess;
import dev.sofia.livekit.local.SipProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/sip.yaml runs the real livekit-sip (the version setup.sh builds, v1.8.0; compose runs the
 * v1.11.0 image, whose config keys DeploySipConfigTests checks), with its keys from
 * LIVEKIT_API_KEY/SECRET as compose passes them, beside a livekit-server sharing its Redis. It is
 * adjusted only where a test host must differ: free ports, loopback instead of the public address,
 * the test's server and Redis. Healthy, and it answers an INVITE, which it can only decide what to
 * do with by asking livekit-server through Redis.
 */
class DeploySipConfigIntegrationTests {

    @Test
    void livekitSipRunsWithTheFileAndReachesTheServerThroughRedis() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
                LiveKitProcess server =
                        LiveKitProcess.start(LiveKitServerConfig.onFreePorts().withRedis(redis.address()))) {
            Map<String, Object> file = adjusted(server.url(), redis.address());
            int healthPort = (int) file.get("health_port");
            try (LiveKitSipProcess sip = LiveKitSipProcess.start(
                    LiveKitSipProcess.binary(), YamlFile.write(file), keysOf(server), healthPort)) {
                assertThat(sip.health()).isEqualTo(200);
                List<String> answers = SipProbe.invite(
                        (int) file.get("sip_port"), "+4915112345678", "+4930000000", Duration.ofSeconds(5));
                assertThat(answers).as(sip.output()).isNotEmpty();
                awaitOutput(sip, "\"reason\": \"flood\""); // no trunk holds the number: dropped
            }
        }
    }

    /** What makes the test above worth its name: the file's Redis is required, not decoration. */
    @Test
    void withoutItsRedisLivekitSipDoesNotStart() {
        try (RedisProcess redis = RedisProcess.start();
                LiveKitProcess server =
                        LiveKitProcess.start(LiveKitServerConfig.onFreePorts().withRedis(redis.address()))) {
            Map<String, Object> file = adjusted(server.url(), "127.0.0.1:" + FreePorts.tcp());
            assertThatIllegalStateException()
                    .isThrownBy(() -> LiveKitSipProcess.start(
                                    LiveKitSipProcess.binary(), YamlFile.write(file), keysOf(server), (int)
                                            file.get("health_port"))
                            .close())
                    .withMessageContaining("redis");
        }
    }

    private static Map<String, Object> adjusted(String wsUrl, String redisAddress) {
        Map<String, Object> file = YamlFile.read(RepositoryFiles.resolve("deploy/sip.yaml"));
        assertThat(file).doesNotContainKeys("api_key", "api_secret");
        YamlFile.set(file, "ws_url", wsUrl);
        YamlFile.set(file, "redis.address", redisAddress);
        YamlFile.set(file, "sip_port", FreePorts.tcp());
        int[] rtp = FreePorts.udpRange(20);
        YamlFile.set(file, "rtp_port", rtp[0] + "-" + rtp[1]);
        YamlFile.set(file, "health_port", FreePorts.tcp());
        // Production announces its public address (STUN); a test host has none: loopback instead.
        YamlFile.set(file, "use_external_ip", false);
        YamlFile.set(file, "nat_1_to_1_ip", "127.0.0.1");
        YamlFile.set(file, "listen_ip", "127.0.0.1");
        return file;
    }

    private static Map<String, String> keysOf(LiveKitProcess server) {
        return Map.of(
                "LIVEKIT_API_KEY", server.config().apiKey(),
                "LIVEKIT_API_SECRET", server.config().apiSecret());
    }

    private static void awaitOutput(LiveKitSipProcess sip, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!sip.output().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sip.output()).contains(text);
    }
}
