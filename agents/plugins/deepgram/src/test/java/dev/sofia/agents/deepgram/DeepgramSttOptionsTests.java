package dev.sofia.agents.deepgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepgramSttOptionsTests {

    private final DeepgramSttOptions defaults = DeepgramSttOptions.of("secret-key");

    @Test
    void theKeyNeverShowsInToString() {
        assertThat(defaults.toString()).doesNotContain("secret-key").contains("nova-3");
        assertThat(new DeepgramStt(defaults).toString()).doesNotContain("secret-key");
    }

    @Test
    void keytermsAreEncodedOnePerParameter() {
        URI uri = defaults.withKeyterms(List.of("Dr. Weber", "Zahnärztin")).streamingUri(null);
        assertThat(uri.getRawQuery()).contains("keyterm=Dr.%20Weber&keyterm=Zahn%C3%A4rztin");
    }

    @Test
    void thePrerecordedEndpointIsOnTheSameHostOverHttp() {
        assertThat(defaults.prerecordedUri("multi").toString())
                .startsWith("https://api.deepgram.com/v1/listen?model=nova-3&language=multi");
    }

    @Test
    void utteranceEndNeedsInterimResultsAndASecond() {
        assertThat(defaults.withInterimResults(false).utteranceEndMs()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withUtteranceEndMs(500));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withSampleRate(44100));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBaseUrl(URI.create("https://x")));
    }
}
