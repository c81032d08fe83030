package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.AudioFrameQueue;
import dev.sofia.agents.livekit.audio.Resampler;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio of one remote track as 10 ms frames of 16-bit PCM at the sample rate and channel count
 * the consumer asked for.
 *
 * <p>Lifecycle: open from {@link RemoteAudioTrack#stream} until {@link #close()} or until the track
 * is unsubscribed; then {@link #read} returns what is still queued and afterwards {@code null}.
 *
 * <p>Threading: libwebrtc calls {@link #onData} on its audio thread every 10 ms. It must never
 * wait, so frames go into a bounded queue that drops the oldest frame when the consumer falls
 * behind ({@link #droppedFrames()} counts them). Read from one consumer thread, typically a
 * virtual thread.
 */
public final class AudioStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AudioStream.class);

    private final int sampleRate;
    private final int channels;
    private final AudioFrameQueue queue;
    private final Runnable detach;
    private final Object lock = new Object();
    private @Nullable Resampler resampler;
    private int inRate;
    private int inChannels;
    private boolean closed;
    final AudioTrackSink sink = this::onData;

    AudioStream(int sampleRate, int channels, int capacityFrames, Runnable detach) {
        AudioFrame.samplesPer10ms(sampleRate); // rejects rates libwebrtc cannot cut into 10 ms
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.queue = new AudioFrameQueue(capacityFrames);
        this.detach = detach;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** The next 10 ms frame, waiting up to the timeout; {@code null} on timeout or once ended. */
    public @Nullable AudioFrame read(long timeout, TimeUnit unit) throws InterruptedException {
        return queue.poll(timeout, unit);
    }

    /** The next frame, waiting as long as it takes; {@code null} once the stream has ended. */
    public @Nullable AudioFrame read() throws InterruptedException {
        return queue.take();
    }

    /** Frames dropped because the consumer did not keep up; should stay 0. */
    public long droppedFrames() {
        return queue.dropped();
    }

    public boolean isClosed() {
        return queue.isClosed();
    }

    private void onData(byte[] data, int bitsPerSample, int rate, int inputChannels, int frames) {
        if (bitsPerSample != 16 || frames <= 0) {
            return;
        }
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                AudioFrame in = AudioFrame.fromLittleEndianBytes(data, rate, inputChannels, frames);
                for (AudioFrame out : resamplerFor(rate, inputChannels).process(in)) {
                    queue.offer(out);
                }
            } catch (RuntimeException e) {
                // Never let an exception travel back into libwebrtc's audio thread.
                log.warn(
                        "remote audio frame ({} Hz, {} ch, {} samples) dropped: {}",
                        rate,
                        inputChannels,
                        frames,
                        e.toString());
            }
        }
    }

    /** Decoders may change rate or channels mid-call (e.g. Opus mono to stereo); follow them. */
    private Resampler resamplerFor(int rate, int inputChannels) {
        Resampler current = resampler;
        if (current != null && rate == inRate && inputChannels == inChannels) {
            return current;
        }
        if (current != null) {
            current.close();
        }
        inRate = rate;
        inChannels = inputChannels;
        Resampler created = new Resampler(rate, inputChannels, sampleRate, channels);
        resampler = created;
        return created;
    }

    /** Stops the stream: the sink is removed from the track, the native resampler freed. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (resampler != null) {
                resampler.close();
                resampler = null;
            }
        }
        detach.run();
        queue.close();
    }
}
