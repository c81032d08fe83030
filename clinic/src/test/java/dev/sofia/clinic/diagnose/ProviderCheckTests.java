package dev.sofia.clinic.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider check makes exactly the authenticated call each provider documents, over real
 * HTTP, to a local server that answers 200 only for the right key sent the right way (OpenAI
 * {@code Bearer}, Deepgram {@code Token}, Cartesia {@code X-API-Key} with a version) and 401 otherwise.
 */
class ProviderCheckTests {

    static final String GOOD = "good-key";

    HttpServer server;
    final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/v1/models",
                exchange -> answer(
                        exchange,
                        ("Bearer " + GOOD).equals(exchange.getRequestHeaders().getFirst("Authorization"))));
        server.createContext(
                "/v1/projects",
                exchange -> answer(
                        exchange,
                        ("Token " + GOOD).equals(exchange.getRequestHeaders().getFirst("Authorization"))));
        server.createContext(
                "/voices",
                exchange -> answer(
                        exchange,
                        GOOD.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))
                                && exchange.getRequestHeaders().getFirst("Cartesia-Version") != null));
        server.start();
    }

    private void answer(com.sun.net.httpserver.HttpExchange exchange, boolean authorised) throws IOException {
        seen.put(exchange.getRequestURI().getPath(), exchange.getRequestMethod());
        byte[] body = (authorised ? "{\"data\":[]}" : "{\"error\":\"unauthorized\"}").getBytes();
        exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private List<Outcome> check(String key) throws Exception {
        String base = "127.0.0.1:" + server.getAddress().getPort();
        DiagnoseSettings settings = DiagnoseSettings.load(new String[] {
            "--SOFIA_LLM=openai",
            "--SOFIA_STT=deepgram",
            "--SOFIA_TTS=cartesia",
            "--OPENAI_API_KEY=" + key,
            "--OPENAI_BASE_URL=http://" + base + "/v1",
            "--DEEPGRAM_API_KEY=" + key,
            "--DEEPGRAM_BASE_URL=ws://" + base,
            "--CARTESIA_API_KEY=" + key,
            "--CARTESIA_BASE_URL=ws://" + base
        });
        return new ProviderCheck().run(settings);
    }

    @Test
    void rightKeysAreAcceptedByEachProvider() throws Exception {
        List<Outcome> outcomes = check(GOOD);

        assertThat(outcomes)
                .extracting(Outcome::check)
                .containsExactly("provider openai", "provider deepgram", "provider cartesia");
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(Outcome.Status.OK));
        assertThat(seen)
                .containsEntry("/v1/models", "GET")
                .containsEntry("/v1/projects", "GET")
                .containsEntry("/voices", "GET");
    }

    @Test
    void aWrongKeyFailsWithAHintNamingTheVariable() throws Exception {
        List<Outcome> outcomes = check("revoked-key");

        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(Outcome.Status.FAIL));
        assertThat(outcomes)
                .extracting(Outcome::hint)
                .containsExactly(
                        "OPENAI_API_KEY is wrong, revoked or lacks permission: create a new key in the provider's console",
                        "DEEPGRAM_API_KEY is wrong, revoked or lacks permission: create a new key in the provider's console",
                        "CARTESIA_API_KEY is wrong, revoked or lacks permission: create a new key in the provider's console");
        assertThat(outcomes).extracting(Outcome::detail).noneMatch(d -> d.contains("revoked-key"));
    }

    @Test
    void offlineProvidersAreSkipped() throws Exception {
        List<Outcome> outcomes = new ProviderCheck()
                .run(DiagnoseSettings.load(
                        new String[] {"--SOFIA_LLM=offline", "--SOFIA_STT=none", "--SOFIA_TTS=espeak"}));

        assertThat(outcomes)
                .singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(Outcome.Status.SKIP));
    }
}
