package dev.sofia.agents.espeak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EspeakSynthesisTests {

    @Test
    void phonemeInputAndEmbeddedCommandsBecomePlainText() {
        assertThat(EspeakSynthesis.neutralise("say [[h@l'oU]] now")).isEqualTo("say [h@l'oU]] now");
        assertThat(EspeakSynthesis.neutralise("a [[[[b")).isEqualTo("a [b");
        assertThat(EspeakSynthesis.neutralise("loud\u000150A text\n\tend\u0085"))
                .isEqualTo("loud 50A text  end ");
        assertThat(EspeakSynthesis.neutralise("Grüße, Доктор <b>Müller</b>!"))
                .isEqualTo("Grüße, Доктор <b>Müller</b>!");
    }
}
