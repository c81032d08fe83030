package dev.sofia.livekit.local.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * deploy/sip.yaml against livekit-sip's own config struct. livekit-sip parses its file leniently
 * (unknown keys are ignored), so a misspelt key would silently fall back to a default: the file's
 * keys are checked against the yaml tags of {@code Config} in github.com/livekit/sip v1.11.0,
 * pkg/config/config.go, the version compose.yaml runs. That the file runs is
 * DeploySipConfigIntegrationTests' part, with the v1.8.0 that setup.sh builds (the module proxy
 * serves no newer tag; v1.8.0's config has the same keys).
 */
class DeploySipConfigTests {

    /** The yaml tags of livekit-sip v1.11.0's {@code config.Config} (pkg/config/config.go). */
    private static final Set<String> SIP_CONFIG_KEYS = Set.of(
            "redis",
            "api_key",
            "api_secret",
            "ws_url",
            "health_port",
            "prometheus_port",
            "pprof_port",
            "sip_port",
            "sip_port_listen",
            "sip_hostname",
            "outbound_route_headers",
            "sip_ringing_interval",
            "tcp",
            "tls",
            "rtp_port",
            "logging",
            "cluster_id",
            "max_cpu_utilization",
            "max_active_calls",
            "sip_trunk_ids",
            "use_external_ip",
            "local_net",
            "nat_1_to_1_ip",
            "listen_ip",
            "udp_max_payload",
            "media_use_external_ip",
            "media_nat_1_to_1_ip",
            "media_timeout",
            "media_timeout_initial",
            "symmetric_rtp",
            "rtp_draining_idle_timeout",
            "rtp_draining_duration",
            "ignore_local_addr_in_sdp",
            "codecs",
            "hide_inbound_port",
            "disable_rejected_invite_cache",
            "add_record_route",
            "audio_dtmf",
            "enable_jitter_buffer",
            "enable_jitter_buffer_prob",
            "jaeger_url",
            "experimental");

    /** redis.RedisConfig of github.com/livekit/protocol, as livekit-sip v1.11.0 uses it. */
    private static final Set<String> REDIS_KEYS = Set.of(
            "address",
            "username",
            "password",
            "db",
            "use_tls",
            "sentinel_master_name",
            "sentinel_username",
            "sentinel_password",
            "sentinel_addresses",
            "cluster_addresses",
            "dial_timeout",
            "read_timeout",
            "write_timeout",
            "max_redirects",
            "pool_timeout",
            "pool_size",
            "tls");

    private final Map<String, Object> sip = YamlFile.read(RepositoryFiles.resolve("deploy/sip.yaml"));
    private final Map<String, Object> livekit = YamlFile.read(RepositoryFiles.resolve("deploy/livekit.yaml"));

    @Test
    void everyKeyIsOneLivekitSipKnows() {
        assertThat(SIP_CONFIG_KEYS).containsAll(sip.keySet());
        assertThat(REDIS_KEYS)
                .containsAll(((Map<?, ?>) sip.get("redis"))
                        .keySet().stream().map(String::valueOf).toList());
    }

    @Test
    void itReachesTheSameLiveKitAndRedisAsTheServer() {
        assertThat(sip.get("ws_url")).isEqualTo("ws://livekit:" + livekit.get("port"));
        assertThat(YamlFile.get(sip, "redis.address")).isEqualTo(YamlFile.get(livekit, "redis.address"));
        assertThat(ComposeFile.services()).containsKeys("livekit", "redis");
    }

    /** livekit-sip reads LIVEKIT_API_KEY/SECRET when the file names none: compose passes them. */
    @Test
    void theKeysComeFromTheEnvironmentNotTheFile() {
        assertThat(sip).doesNotContainKeys("api_key", "api_secret");
        Map<String, Object> env = ComposeFile.environment(ComposeFile.services().get("sip"));
        assertThat(env.get("LIVEKIT_API_KEY")).asString().startsWith("${LIVEKIT_API_KEY:?");
        assertThat(env.get("LIVEKIT_API_SECRET")).asString().startsWith("${LIVEKIT_API_SECRET:?");
    }

    @Test
    void composeMountsItWhereTheImageLooksAndPublishesItsPorts() {
        Map<String, Object> service = ComposeFile.services().get("sip");
        // the image's entrypoint is livekit-sip --config=/sip/config.yaml
        assertThat(strings(service.get("volumes"))).contains("./sip.yaml:/sip/config.yaml:ro");
        List<String> ports = strings(service.get("ports"));
        assertThat(ports).contains(sip.get("sip_port") + ":" + sip.get("sip_port") + "/udp");
        String[] rtp = String.valueOf(sip.get("rtp_port")).split("-");
        assertThat(ports)
                .anySatisfy(
                        p -> assertThat(p).startsWith(rtp[0] + "-" + rtp[1] + ":" + rtp[0] + "-" + rtp[1] + "/udp"));
        assertThat(String.valueOf(((Map<?, ?>) service.get("healthcheck")).get("test")))
                .contains("/dev/tcp/127.0.0.1/" + sip.get("health_port"));
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
