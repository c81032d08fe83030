package dev.sofia.livekit.local.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * What the phone caller says, as SIPp plays it: espeak-ng speaks the text into a WAV, which is
 * turned into raw G.711 µ-law at 8 kHz — the format of SIPp 3.6's {@code rtp_stream} with payload
 * type 0 (it sends the file's bytes as they are, 160 per 20 ms packet, so no WAV header).
 */
public final class CallerSpeech {

    private CallerSpeech() {}

    /**
     * Writes {@code text} spoken in {@code voice} (e.g. "de") as raw µ-law to {@code target}, after
     * {@code silence} of silence (µ-law 0xFF, which decodes to 0).
     */
    public static Path ulaw(String text, String voice, Duration silence, Path target) {
        try {
            Path wav = Files.createTempFile(target.getParent(), "speech-", ".wav");
            Process espeak = new ProcessBuilder("espeak-ng", "-v", voice, "-w", wav.toString(), text)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(espeak.getInputStream().readAllBytes());
            if (!espeak.waitFor(60, TimeUnit.SECONDS) || espeak.exitValue() != 0) {
                throw new IllegalStateException("espeak-ng failed: " + output);
            }
            short[] pcm8k = resample(readMono16(wav));
            int quiet = (int) (silence.toMillis() * 8);
            byte[] ulaw = new byte[quiet + pcm8k.length];
            Arrays.fill(ulaw, 0, quiet, (byte) 0xFF);
            for (int i = 0; i < pcm8k.length; i++) {
                ulaw[quiet + i] = G711.linearToUlaw(pcm8k[i]);
            }
            Files.write(target, ulaw);
            Files.delete(wav);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Pcm(short[] samples, float rate) {}

    private static Pcm readMono16(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16) {
                throw new IllegalStateException("espeak-ng wrote " + format + "; expected 16-bit mono");
            }
            byte[] bytes = in.readAllBytes();
            ByteBuffer buffer =
                    ByteBuffer.wrap(bytes).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            short[] samples = new short[bytes.length / 2];
            buffer.asShortBuffer().get(samples);
            return new Pcm(samples, format.getSampleRate());
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
    }

    /** To 8 kHz by averaging each output sample's share of the input (a crude low-pass; speech survives). */
    private static short[] resample(Pcm pcm) {
        double step = pcm.rate() / 8000.0;
        int length = (int) (pcm.samples().length / step);
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            int from = (int) (i * step);
            int to = Math.min(pcm.samples().length, Math.max(from + 1, (int) ((i + 1) * step)));
            long sum = 0;
            for (int j = from; j < to; j++) {
                sum += pcm.samples()[j];
            }
            out[i] = (short) (sum / (to - from));
        }
        return out;
    }
}
