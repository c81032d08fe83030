package dev.sofia.agents.tts;

/**
 * What a text-to-speech provider can do and what it produces: whether it takes text as a stream
 * (else {@link Tts#stream()} speaks sentence by sentence), and the rate and channels of its audio.
 */
public record TtsCapabilities(boolean streaming, int sampleRate, int channels) {

    public TtsCapabilities {
        // audio moves in 10 ms frames everywhere after the TTS (pacer, WebRTC), which needs whole samples
        if (sampleRate <= 0 || sampleRate % 100 != 0) {
            throw new IllegalArgumentException("sample rate must be a positive multiple of 100 Hz: " + sampleRate);
        }
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("1 or 2 channels: " + channels);
        }
    }
}
