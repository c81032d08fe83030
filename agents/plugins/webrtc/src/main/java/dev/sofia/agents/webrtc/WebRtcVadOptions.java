package dev.sofia.agents.webrtc;

import dev.sofia.agents.vad.VadOptions;
import java.time.Duration;

/**
 * Tuning of {@link WebRtcVad}: the speech state machine ({@link VadOptions}: threshold on the
 * combined probability, minimum speech and silence, padding) and the loudness gate in front of the
 * model ({@code gateFloorDbfs}: at or below it a frame is not speech whatever the model says; full
 * trust in the model from {@code gateFloorDbfs + gateRangeDb} up).
 *
 * <p>How the presets were chosen (WebRtcVadTests: espeak-ng speech at -26/-30 dBFS between white
 * and pink noise and 50 Hz hum at -45 to -35 dBFS): libwebrtc's probability is nearly binary (0.01
 * or 0.99, updated every 30 ms), so thresholds from 0.2 to 0.5 made no difference, and steady noise
 * never reached them. What matters is the minimum speech: the model is sure only of voiced sounds
 * and drops between syllables, so with 100 ms of unbroken speech required some sentences were found
 * 0.5–1.3 s late in noise; with 60 ms (two model updates) all within 0.3 s, and still no false
 * start in noise. Commas and unvoiced consonants leave gaps inside a sentence that the minimum
 * silence bridges (none of the test sentences was split at 500 ms).
 */
public record WebRtcVadOptions(VadOptions vad, double gateFloorDbfs, double gateRangeDb) {

    public WebRtcVadOptions {
        if (gateRangeDb <= 0) {
            throw new IllegalArgumentException("gateRangeDb must be > 0: " + gateRangeDb);
        }
        if (gateFloorDbfs >= 0) {
            throw new IllegalArgumentException("gateFloorDbfs must be below full scale: " + gateFloorDbfs);
        }
    }

    /**
     * For 8 kHz telephone audio (SIP calls): 0.5, 60 ms of speech to start, 600 ms of silence to
     * end (callers on a line hesitate longer, and packet loss cuts syllables), 300 ms padding; the
     * gate opens from -55 dBFS and is fully open at -45 dBFS, because phone levels are low and vary
     * from line to line while the model already rejects the line noise.
     */
    public static WebRtcVadOptions telephone() {
        return new WebRtcVadOptions(
                new VadOptions(
                        0.5,
                        Duration.ofMillis(60),
                        Duration.ofMillis(600),
                        Duration.ofMillis(300),
                        Duration.ofSeconds(60)),
                -55,
                10);
    }

    /**
     * For 48 kHz web audio (the browser widget): 0.5, 60 ms of speech to start, 500 ms of silence to
     * end, 300 ms padding; the gate opens from -50 dBFS and is fully open at -40 dBFS, because the
     * browser's gain control brings a speaker to about -25 dBFS and what is fainter is the room.
     */
    public static WebRtcVadOptions web() {
        return new WebRtcVadOptions(
                new VadOptions(
                        0.5,
                        Duration.ofMillis(60),
                        Duration.ofMillis(500),
                        Duration.ofMillis(300),
                        Duration.ofSeconds(60)),
                -50,
                10);
    }

    public WebRtcVadOptions withVad(VadOptions options) {
        return new WebRtcVadOptions(options, gateFloorDbfs, gateRangeDb);
    }

    public WebRtcVadOptions withGate(double floorDbfs, double rangeDb) {
        return new WebRtcVadOptions(vad, floorDbfs, rangeDb);
    }
}
