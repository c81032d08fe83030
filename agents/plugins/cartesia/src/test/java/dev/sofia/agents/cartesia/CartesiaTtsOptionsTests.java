package dev.sofia.agents.cartesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CartesiaTtsOptionsTests {

    private final CartesiaTtsOptions defaults = CartesiaTtsOptions.of("sk_car_secret", "voice-1");

    @Test
    void theKeyNeverShowsInToString() {
        assertThat(defaults.toString()).doesNotContain("sk_car_secret").contains("sonic-2", "voice-1");
        assertThat(new CartesiaTts(defaults).toString()).doesNotContain("sk_car_secret");
    }

    @Test
    void theVersionIsAlsoAQueryParameter() {
        assertThat(defaults.websocketUri())
                .hasToString(
                        "wss://api.cartesia.ai/tts/websocket?cartesia_version=" + CartesiaTtsOptions.DEFAULT_VERSION);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withVersion(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withSampleRate(12345));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBaseUrl(URI.create("https://x")));
        assertThatIllegalArgumentException().isThrownBy(() -> CartesiaTtsOptions.of("key", ""));
    }

    @Test
    void theCapabilitiesFollowTheSettings() {
        CartesiaTts tts = new CartesiaTts(defaults.withSampleRate(16000));
        assertThat(tts.capabilities().streaming()).isTrue();
        assertThat(tts.sampleRate()).isEqualTo(16000);
        assertThat(tts.channels()).isEqualTo(1);
    }
}
