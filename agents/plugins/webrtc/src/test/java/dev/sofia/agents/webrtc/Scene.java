package dev.sofia.agents.webrtc;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.vad.SpeechScorer;
import dev.sofia.agents.vad.Vad;
import dev.sofia.agents.vad.VadEvent;
import dev.sofia.agents.vad.VadStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A test recording: a background throughout and sentences placed on it, with the truth of where
 * speech is; and what a VAD makes of it.
 */
record Scene(String name, short[] samples, int sampleRate, List<Interval> speech) {

    /** A stretch of the recording in milliseconds, start inclusive, end exclusive. */
    record Interval(long startMillis, long endMillis) {
        boolean contains(long millis) {
            return millis >= startMillis && millis < endMillis;
        }
    }

    /** What a VAD stream reported: the START/END events in order, and the utterances they bound. */
    record Detection(List<VadEvent> events, List<Interval> utterances) {}

    /** {@code gapSeconds} of background, then each sentence followed by {@code gapSeconds} more. */
    static Scene of(String name, int sampleRate, double gapSeconds, Background background, List<short[]> sentences) {
        int gap = (int) (gapSeconds * sampleRate);
        int total = gap;
        for (short[] s : sentences) {
            total += s.length + gap;
        }
        short[] samples = background.make(sampleRate, total);
        List<Interval> truth = new ArrayList<>();
        int at = gap;
        for (short[] s : sentences) {
            samples = Signals.mix(samples, s, at);
            truth.add(new Interval(at * 1000L / sampleRate, (at + s.length) * 1000L / sampleRate));
            at += s.length + gap;
        }
        return new Scene(name, samples, sampleRate, truth);
    }

    /** How to fill {@code length} samples at a rate. */
    @FunctionalInterface
    interface Background {
        short[] make(int sampleRate, int length);
    }

    long durationMillis() {
        return samples.length * 1000L / sampleRate;
    }

    /** Runs the recording through a VAD stream in 10 ms frames and collects its START/END events. */
    Detection detect(Vad vad) throws InterruptedException {
        List<VadEvent> events = new ArrayList<>();
        try (VadStream stream = vad.stream()) {
            for (AudioFrame frame : Signals.frames10ms(samples, sampleRate)) {
                stream.pushFrame(frame);
            }
            stream.endInput();
            for (VadEvent e = stream.poll(Duration.ofSeconds(30)); e != null; e = stream.poll(Duration.ofSeconds(30))) {
                if (e.type() != VadEvent.Type.INFERENCE_DONE) {
                    events.add(e);
                }
            }
            if (!stream.isFinished()) {
                throw new AssertionError("the VAD stream did not finish within 30 s");
            }
        }
        List<Interval> utterances = new ArrayList<>();
        Long start = null;
        for (VadEvent e : events) {
            if (e.type() == VadEvent.Type.START_OF_SPEECH) {
                start = e.timestamp().toMillis();
            } else if (start != null) {
                utterances.add(new Interval(start, e.timestamp().toMillis()));
                start = null;
            }
        }
        return new Detection(events, utterances);
    }

    /** The share of 10 ms frames where {@code detected} agrees with the truth. */
    double agreement(List<Interval> detected) {
        int agree = 0;
        int frames = (int) (durationMillis() / 10);
        for (int f = 0; f < frames; f++) {
            long t = f * 10L + 5;
            if (in(speech, t) == in(detected, t)) {
                agree++;
            }
        }
        return (double) agree / frames;
    }

    /**
     * Frame by frame, before the state machine: the share of speech frames a scorer calls speech
     * (at {@code threshold}), and the share of non-speech frames it calls speech.
     */
    double[] frameRates(Supplier<SpeechScorer> scorers, double threshold) {
        int speechFrames = 0;
        int hits = 0;
        int otherFrames = 0;
        int falseAlarms = 0;
        try (SpeechScorer scorer = scorers.get()) {
            List<AudioFrame> frames = Signals.frames10ms(samples, sampleRate);
            for (int f = 0; f < frames.size(); f++) {
                boolean said = scorer.speechProbability(frames.get(f)) >= threshold;
                if (in(speech, f * 10L + 5)) {
                    speechFrames++;
                    hits += said ? 1 : 0;
                } else {
                    otherFrames++;
                    falseAlarms += said ? 1 : 0;
                }
            }
        }
        return new double[] {
            speechFrames == 0 ? 0 : (double) hits / speechFrames,
            otherFrames == 0 ? 0 : (double) falseAlarms / otherFrames
        };
    }

    private static boolean in(List<Interval> intervals, long millis) {
        return intervals.stream().anyMatch(i -> i.contains(millis));
    }

    @Override
    public String toString() {
        return name + " @ " + sampleRate + " Hz";
    }
}
