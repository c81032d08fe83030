package dev.sofia.agents.deepgram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepgramUrisTests {

    private final DeepgramSttOptions defaults = DeepgramSttOptions.of("secret-key");

    @Test
    void keytermsAreEncodedOnePerParameter() {
        URI uri = DeepgramUris.streaming(defaults.withKeyterms(List.of("Dr. Weber", "Zahnärztin")), null);
        assertThat(uri.getRawQuery()).contains("keyterm=Dr.%20Weber&keyterm=Zahn%C3%A4rztin");
    }

    @Test
    void thePrerecordedEndpointIsOnTheSameHostOverHttp() {
        assertThat(DeepgramUris.prerecorded(defaults, "multi").toString())
                .startsWith("https://api.deepgram.com/v1/listen?model=nova-3&language=multi");
    }
}
