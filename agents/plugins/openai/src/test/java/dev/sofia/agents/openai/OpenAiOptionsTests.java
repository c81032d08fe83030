package dev.sofia.agents.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class OpenAiOptionsTests {

    @Test
    void eachOptionsRecordPrintsItsComponentsButNeverTheKey() {
        assertThat(OpenAiLlmOptions.of("sk-secret").withTemperature(0.2).toString())
                .isEqualTo("OpenAiLlmOptions[apiKey=(redacted), baseUrl=https://api.openai.com/v1, model=gpt-4o-mini,"
                        + " temperature=0.2, maxCompletionTokens=null]");
        assertThat(OpenAiSttOptions.of("sk-secret").withLanguage("de").toString())
                .isEqualTo("OpenAiSttOptions[apiKey=(redacted), baseUrl=https://api.openai.com/v1,"
                        + " model=gpt-4o-transcribe, language=de, prompt=null]");
        assertThat(OpenAiTtsOptions.of("sk-secret").toString())
                .isEqualTo("OpenAiTtsOptions[apiKey=(redacted), baseUrl=https://api.openai.com/v1,"
                        + " model=gpt-4o-mini-tts, voice=ash, instructions=null, speed=null]");
    }

    @Test
    void theEndpointMustBeGiven() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OpenAiLlmOptions.of(" "))
                .withMessage("apiKey must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OpenAiSttOptions.of("sk").withBaseUrl(""))
                .withMessage("baseUrl must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OpenAiTtsOptions.of("sk").withModel(""))
                .withMessage("model must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OpenAiTtsOptions.of("sk").withVoice(" "))
                .withMessage("voice must not be blank");
    }
}
