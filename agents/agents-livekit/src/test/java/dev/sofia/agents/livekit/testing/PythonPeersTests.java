package dev.sofia.agents.livekit.testing;

import static dev.sofia.agents.livekit.testing.PythonPeer.text;
import static dev.sofia.agents.livekit.testing.PythonPeer.where;
import static dev.sofia.agents.livekit.testing.PythonPeer.whereNumber;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The Python test peers talking to each other through a real livekit-server, without the Java
 * client: proof that the peers work, so a failing client test points at the client. No timing
 * assertions; every wait is generous.
 */
class PythonPeersTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final LocalLiveKit server = LocalLiveKit.withPythonPeers();

    @Test
    void toneFromOnePeerIsDetectedByTheOtherAtItsFrequencyOnly() {
        String room = room();
        try (PythonPeer listener = peer("listener", room, "--detect", "440,660");
                PythonPeer speaker = peer("speaker", room)) {
            meet(listener, speaker);

            speaker.send("publish_tone", "id", "tone", "frequency", 440, "silence_ms", 300);
            JsonNode onset = speaker.awaitEvent("tone_onset", WAIT);
            JsonNode detected = listener.awaitEvent("tone_detected", whereNumber("frequency", 440), WAIT);
            // a whole statistics period heard after the detection: the second report from now
            listener.awaitEvent(listener.mark(), "audio_stats", e -> true, WAIT);
            JsonNode stats = listener.awaitEvent(listener.mark(), "audio_stats", e -> true, WAIT);
            speaker.send("stop_tone");
            speaker.awaitEvent("tone_stopped", WAIT);

            assertThat(detected.path("participant").asString()).isEqualTo("speaker");
            assertThat(detected.path("power_ratio").asDouble()).isGreaterThan(0.5);
            assertThat(onset.path("at_ms").asLong()).isPositive();
            assertThat(stats.path("mean_ratio").path("440").asDouble()).isGreaterThan(0.8);
            assertThat(stats.path("max_ratio").path("660").asDouble()).isLessThan(0.05);
            assertThat(listener.events("tone_detected"))
                    .as("the listener never hears 660 Hz")
                    .noneMatch(whereNumber("frequency", 660));
        }
    }

    @Test
    void longNonAsciiTextStreamsArriveWholeWithTheirAttributes() {
        String room = room();
        try (PythonPeer receiver = peer("receiver", room);
                PythonPeer sender = peer("sender", room)) {
            meet(receiver, sender);
            Map<String, String> attributes = Map.of("lang", "de", "note", "Grüße 🎧", "lk.segment_id", "SG_1");

            // one call (the SDK may compress or inline it), uncompressed, and chunked writes
            for (Map<String, Object> variant : List.<Map<String, Object>>of(
                    Map.of("mode", "send"),
                    Map.of("mode", "send", "compress", false),
                    Map.of("mode", "stream", "chunk_chars", 997))) {
                String id = "text-" + variant;
                Map<String, Object> command = new HashMap<>(variant);
                command.putAll(Map.of(
                        "cmd",
                        "send_text",
                        "id",
                        id,
                        "topic",
                        "test",
                        "generate_bytes",
                        20_000,
                        "non_ascii",
                        true,
                        "attributes",
                        attributes));
                sender.send(command);

                JsonNode sent = sender.awaitEvent("text_sent", where("id", id), WAIT);
                String streamId = sent.path("stream_id").asString();
                JsonNode received = receiver.awaitEvent("text_received", where("stream_id", streamId), WAIT);

                assertThat(sent.path("bytes").asInt()).as(id).isGreaterThan(15_000);
                assertThat(sent.path("bytes").asInt())
                        .as(id)
                        .isGreaterThan(sent.path("length").asInt());
                assertThat(received.path("sender").asString()).as(id).isEqualTo("sender");
                assertThat(received.path("topic").asString()).as(id).isEqualTo("test");
                assertThat(received.path("length").asInt())
                        .as(id)
                        .isEqualTo(sent.path("length").asInt());
                assertThat(received.path("sha256").asString())
                        .as(id)
                        .isEqualTo(sent.path("sha256").asString());
                for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                    assertThat(received.path("attributes")
                                    .path(attribute.getKey())
                                    .asString())
                            .as(id + " attribute " + attribute.getKey())
                            .isEqualTo(attribute.getValue());
                }
            }
        }
    }

    @Test
    void rpcReturnsTheHandlersAnswerOrItsErrorCode() {
        String room = room();
        try (PythonPeer callee = peer("callee", room);
                PythonPeer caller = peer("caller", room)) {
            meet(callee, caller);

            caller.send(
                    "perform_rpc", "id", "rev", "destination", "callee", "method", "reverse", "payload", "hällo 🎧");
            caller.send("perform_rpc", "id", "up", "destination", "callee", "method", "upper", "payload", "straße");
            caller.send("perform_rpc", "id", "fail", "destination", "callee", "method", "fail", "payload", "why");
            caller.send("perform_rpc", "id", "none", "destination", "callee", "method", "no-such", "payload", "");

            JsonNode reversed = caller.awaitEvent("rpc_result", where("id", "rev"), WAIT);
            JsonNode upper = caller.awaitEvent("rpc_result", where("id", "up"), WAIT);
            JsonNode failed = caller.awaitEvent("rpc_result", where("id", "fail"), WAIT);
            JsonNode unsupported = caller.awaitEvent("rpc_result", where("id", "none"), WAIT);
            JsonNode invoked = callee.awaitEvent("rpc_invoked", where("method", "reverse"), WAIT);

            assertThat(reversed.path("ok").asBoolean()).isTrue();
            // Python reverses by code point: the emoji stays whole
            assertThat(reversed.path("payload").asString()).isEqualTo("🎧 olläh");
            assertThat(upper.path("payload").asString()).isEqualTo("STRASSE");
            assertThat(failed.path("ok").asBoolean()).isFalse();
            assertThat(failed.path("code").asInt()).isEqualTo(2001);
            assertThat(failed.path("message").asString()).isEqualTo("requested failure");
            assertThat(failed.path("data").asString()).isEqualTo("why");
            assertThat(unsupported.path("code").asInt()).isEqualTo(1400);
            assertThat(invoked.path("caller").asString()).isEqualTo("caller");
            assertThat(invoked.path("payload").asString()).isEqualTo("hällo 🎧");
        }
    }

    @Test
    void attributesDtmfAndDataReachTheOtherPeer() {
        String room = room();
        try (PythonPeer observer = peer("observer", room);
                PythonPeer actor = peer("actor", room, "--attributes", "role=caller")) {
            meet(observer, actor);

            actor.send("set_attributes", "id", "attrs", "attributes", Map.of("lk.agent.state", "listening"));
            JsonNode changed = observer.awaitEvent(
                    "attributes_changed",
                    e -> "actor".equals(text(e, "participant"))
                            && "listening".equals(text(e.path("changed"), "lk.agent.state")),
                    WAIT);
            actor.send("send_dtmf", "code", 5, "digit", "5");
            JsonNode dtmf = observer.awaitEvent("dtmf", WAIT);
            actor.send("publish_data", "payload", "hallo", "topic", "t1");
            JsonNode data = observer.awaitEvent("data_received", where("topic", "t1"), WAIT);

            assertThat(changed.path("attributes").path("role").asString()).isEqualTo("caller");
            assertThat(changed.path("local").asBoolean()).isFalse();
            assertThat(dtmf.path("digit").asString()).isEqualTo("5");
            assertThat(dtmf.path("code").asInt()).isEqualTo(5);
            assertThat(dtmf.path("sender").asString()).isEqualTo("actor");
            assertThat(data.path("text").asString()).isEqualTo("hallo");
            assertThat(data.path("sender").asString()).isEqualTo("actor");
        }
    }

    private static PythonPeer peer(String identity, String room, String... args) {
        String token = TestTokens.join(server.config(), room, identity);
        PythonPeer peer = PythonPeer.start(identity, server.url(), token, args);
        peer.awaitEvent("joined", WAIT);
        return peer;
    }

    /** Waits until each peer has seen the other (existing participants are reported too). */
    private static void meet(PythonPeer first, PythonPeer second) {
        first.awaitEvent("participant_connected", where("identity", second.name()), WAIT);
        second.awaitEvent("participant_connected", where("identity", first.name()), WAIT);
    }

    private static String room() {
        return "peers-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
