package dev.sofia.clinic.receptionist.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.testkit.Conversation;
import dev.sofia.agents.testkit.openai.ChatReply;
import dev.sofia.agents.testkit.openai.ErrorReply;
import dev.sofia.agents.testkit.openai.FakeEndpoint;
import dev.sofia.agents.testkit.openai.FakeOpenAiServer;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistTestBase;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The providers as configured: with {@code SOFIA_LLM=openai} the model (here a local server speaking
 * OpenAI's wire format) answers; when it fails mid-call, the offline dialog engine behind it carries
 * the call on and the booking still happens.
 */
class ReceptionistProvidersIntegrationTests extends ReceptionistTestBase {

    @Test
    void whenTheModelFailsMidCallTheOfflineEngineBooksAnyway() throws Exception {
        try (FakeOpenAiServer openAi = FakeOpenAiServer.start("sk-test")) {
            ReceptionistProviders providers = new ReceptionistProviders(openAi(openAi.baseUrl()), services);
            openAi.enqueueChat(ChatReply.text("Gern. ", "Wie ist Ihr Nachname und Ihr Geburtsdatum?"));
            // the key is revoked mid-call: 401 is not worth a retry, the fallback takes over at once
            openAi.enqueueError(FakeEndpoint.CHAT_COMPLETIONS, ErrorReply.invalidApiKey());
            AtomicReference<Llm> model = new AtomicReference<>();
            Conversation chat = start(
                    call -> {
                        model.set(providers.llm(call));
                        return model.get();
                    },
                    "de",
                    ReceptionistCall.Channel.WEB,
                    null);

            Conversation.Turn first = chat.run("Ich möchte einen Termin zur Kontrolle.");
            first.expectNext().isAssistantMessage().contains("Nachname und Ihr Geburtsdatum");
            chat.run("Mustermann, geboren am 14.5.1980.");
            chat.run("Ich möchte eine Kontrolle, nächsten Dienstag um halb zehn.");
            chat.run("Ja, um halb zehn bei Dr. Weber.");
            chat.run("Ja, bitte buchen.");

            assertThat(openAi.requests(FakeEndpoint.CHAT_COMPLETIONS)).hasSize(2);
            assertThat(openAi.requests(FakeEndpoint.CHAT_COMPLETIONS).getFirst().header("Authorization"))
                    .isEqualTo("Bearer sk-test");
            assertThat(callAppointmentsOf("Mustermann")).singleElement().satisfies(row -> {
                assertThat(row.get("code")).isEqualTo("kontrolle");
                assertThat(row.get("source")).isEqualTo("web");
            });
            assertThat(session().outcome()).isEqualTo(CallOutcome.BOOKED);
            assertThat(chat.session().history().items())
                    .filteredOn(item -> item instanceof ChatMessage m && m.role() == ChatRole.ASSISTANT)
                    .last()
                    .satisfies(item -> assertThat(((ChatMessage) item).text()).contains("gebucht"));
            // the call is over: the fallback stops probing the failed model
            ReceptionistProviders.release(model.get());
        }
    }

    @Test
    void theEmbeddedDefaultsAreOfflineWithoutSpeechRecognitionAndWithEspeak() {
        ReceptionistProviders providers = new ReceptionistProviders(defaults(), services);
        ReceptionistCall call = new ReceptionistCall(null, "console", ReceptionistCall.Channel.CONSOLE, null, "en");

        assertThat(providers.describe()).isEqualTo("llm=offline, stt=none, tts=espeak");
        assertThat(providers.llm(call).label()).contains("offline");
        assertThat(providers.stt(call, 16000)).isEmpty();
        assertThat(providers.tts(call).sampleRate()).isEqualTo(24000);
    }

    private static ReceptionistProperties defaults() {
        return properties("offline", null, "https://api.openai.com/v1");
    }

    private static ReceptionistProperties openAi(String baseUrl) {
        return properties("openai", "sk-test", baseUrl);
    }

    private static ReceptionistProperties properties(String llm, String key, String baseUrl) {
        return new ReceptionistProperties(
                "all",
                20,
                null,
                llm,
                "none",
                "espeak",
                new ReceptionistProperties.OpenAi(
                        key, baseUrl, "gpt-4o-mini", "gpt-4o-transcribe", "gpt-4o-mini-tts", "ash"),
                new ReceptionistProperties.Deepgram(null, "wss://api.deepgram.com", "nova-3"),
                new ReceptionistProperties.Cartesia(null, "wss://api.cartesia.ai", "sonic-2", null));
    }
}
