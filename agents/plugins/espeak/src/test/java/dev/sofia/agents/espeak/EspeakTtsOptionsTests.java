package dev.sofia.agents.espeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EspeakTtsOptionsTests {

    @Test
    void picksAVoicePerLanguage() {
        assertThat(EspeakTtsOptions.forLanguage("de").voice()).isEqualTo("de");
        assertThat(EspeakTtsOptions.forLanguage("en").voice()).isEqualTo("en-gb");
        assertThat(EspeakTtsOptions.forLanguage("en-US").voice()).isEqualTo("en-us");
        assertThat(EspeakTtsOptions.forLanguage("ru").voice()).isEqualTo("ru");
        assertThat(EspeakTtsOptions.forLanguage("de").sampleRate()).isEqualTo(24_000);
        assertThatThrownBy(() -> EspeakTtsOptions.forLanguage("fr")).hasMessageContaining("no espeak-ng voice");
    }

    @Test
    void refusesVoicesThatWouldBeReadAsOptionsAndRatesTheResamplerCannotServe() {
        EspeakTtsOptions de = EspeakTtsOptions.forLanguage("de");

        assertThatThrownBy(() -> de.withVoice("--stdout")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> de.withVoice("de x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> de.withSampleRate(44_101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> de.withWordsPerMinute(20)).isInstanceOf(IllegalArgumentException.class);
        assertThat(de.withVoice("mb/mb-de1").voice()).isEqualTo("mb/mb-de1");
        assertThatThrownBy(() -> de.withSampleRate(22_050)).isInstanceOf(IllegalArgumentException.class);
        assertThat(de.withSampleRate(44_100).sampleRate()).isEqualTo(44_100);
    }
}
