package dev.sofia.agents.livekit.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WorkerConnectionTests {

    @Test
    void theAgentPathHangsOffTheServerUrlInAnyOfItsForms() {
        assertThat(WorkerConnection.agentUri("ws://127.0.0.1:7880")).isEqualTo(URI.create("ws://127.0.0.1:7880/agent"));
        assertThat(WorkerConnection.agentUri("http://127.0.0.1:7880/"))
                .isEqualTo(URI.create("ws://127.0.0.1:7880/agent"));
        assertThat(WorkerConnection.agentUri("https://lk.example.org"))
                .isEqualTo(URI.create("wss://lk.example.org/agent"));
        assertThat(WorkerConnection.agentUri("wss://example.org/livekit//"))
                .isEqualTo(URI.create("wss://example.org/livekit/agent"));
    }

    @Test
    void otherSchemesAreRejected() {
        assertThatThrownBy(() -> WorkerConnection.agentUri("ftp://example.org"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
