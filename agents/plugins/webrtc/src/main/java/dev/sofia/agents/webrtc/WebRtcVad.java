package dev.sofia.agents.webrtc;

import dev.sofia.agents.vad.EnergyScorer;
import dev.sofia.agents.vad.SpeechScorer;
import dev.sofia.agents.vad.Vad;

/**
 * Voice activity detection with libwebrtc's VAD (through webrtc-java) behind a loudness gate: a
 * frame is speech only where the model and the gate both say so ({@link SpeechScorer#both}), so
 * the model keeps steady noise out and the gate keeps faint sounds the model likes (breathing, far
 * voices, line hiss that happens to look voiced) out. Audio at 8, 16, 32 or 48 kHz, frames of any
 * length and channel count. Each {@link #stream()} holds one native detector, freed when it ends.
 */
public final class WebRtcVad extends Vad {

    private final WebRtcVadOptions options;

    public WebRtcVad(WebRtcVadOptions options) {
        super("webrtc.vad", options.vad());
        this.options = options;
    }

    public WebRtcVadOptions webRtcOptions() {
        return options;
    }

    @Override
    protected SpeechScorer newScorer() {
        return SpeechScorer.both(
                new WebRtcSpeechScorer(), new EnergyScorer(options.gateFloorDbfs(), options.gateRangeDb()));
    }
}
