package dev.sofia.agents.deepgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DeepgramSttOptionsTests {

    private final DeepgramSttOptions defaults = DeepgramSttOptions.of("secret-key");

    @Test
    void theKeyNeverShowsInToString() {
        assertThat(defaults.toString()).doesNotContain("secret-key").contains("nova-3");
        assertThat(new DeepgramStt(defaults).toString()).doesNotContain("secret-key");
    }

    @Test
    void utteranceEndNeedsInterimResultsAndASecond() {
        assertThat(defaults.withInterimResults(false).utteranceEndMs()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withUtteranceEndMs(500));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withSampleRate(44100));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBaseUrl(URI.create("https://x")));
    }

    @Test
    void theBuilderChangesSeveralAtOnceAndChecksTheWhole() {
        DeepgramSttOptions changed = defaults.toBuilder()
                .model("nova-2")
                .language("en")
                .sampleRate(8000)
                .build();
        assertThat(changed)
                .isEqualTo(defaults.withModel("nova-2").withLanguage("en").withSampleRate(8000));
        assertThat(changed.keepAliveInterval()).isEqualTo(defaults.keepAliveInterval());
        // utterance end is still on, and it needs interim results
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults.toBuilder().interimResults(false).build());
        assertThat(defaults.toBuilder()
                        .interimResults(false)
                        .utteranceEndMs(0)
                        .build()
                        .interimResults())
                .isFalse();
    }
}
