package dev.sofia.agents.livekit.data;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Transcripts on the {@value #TOPIC} text stream topic, the way LiveKit Agents publish them and
 * frontends (the React components' transcription hooks) read them: one text stream per segment,
 * with {@value #ATTRIBUTE_SEGMENT_ID}, {@value #ATTRIBUTE_TRACK_ID} (when the audio track is known)
 * and {@value #ATTRIBUTE_FINAL}, "false" in the header and "true" in the trailer. The agent's own
 * speech is sent as a delta stream ({@link Segment#append}); a user's transcript may be published
 * on the user's behalf.
 */
public final class Transcriptions {

    public static final String TOPIC = "lk.transcription";
    public static final String ATTRIBUTE_TRACK_ID = "lk.transcribed_track_id";
    public static final String ATTRIBUTE_SEGMENT_ID = "lk.segment_id";
    public static final String ATTRIBUTE_FINAL = "lk.transcription_final";

    private final RoomData data;

    Transcriptions(RoomData data) {
        this.data = data;
    }

    /**
     * Opens a segment as a delta text stream.
     *
     * @param trackId the transcribed audio track's sid (TR_…), or null if not published
     * @param participantIdentity whose speech this is, or null for the local participant's own
     */
    public Segment startSegment(@Nullable String trackId, @Nullable String participantIdentity) {
        String segmentId = newSegmentId();
        var attributes = new HashMap<String, String>();
        attributes.put(ATTRIBUTE_SEGMENT_ID, segmentId);
        attributes.put(ATTRIBUTE_FINAL, "false");
        if (trackId != null) {
            attributes.put(ATTRIBUTE_TRACK_ID, trackId);
        }
        StreamOptions options = StreamOptions.topic(TOPIC).withAttributes(attributes);
        if (participantIdentity != null) {
            options = options.onBehalfOf(participantIdentity);
        }
        return new Segment(segmentId, trackId, data.streamText(options));
    }

    /** Publishes a whole final segment at once (for text that is complete, e.g. a final STT result). */
    public StreamInfo publishFinal(String text, @Nullable String trackId, @Nullable String participantIdentity) {
        try (Segment segment = startSegment(trackId, participantIdentity)) {
            segment.append(text);
            return segment.writer.info();
        }
    }

    /** Whether a received transcription stream's attributes (after its end) mark it final. */
    public static boolean isFinal(StreamInfo info) {
        return "true".equals(info.attributes().get(ATTRIBUTE_FINAL));
    }

    private static String newSegmentId() {
        return "SG_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * One open transcription segment. {@link #append} sends text as it is spoken; {@link #close}
     * marks the segment final; {@link #abort} ends it abnormally (an interrupted utterance whose
     * text should be discarded). Thread-safe.
     */
    public static final class Segment implements AutoCloseable {

        private final String id;
        private final @Nullable String trackId;
        private final TextStreamWriter writer;

        private Segment(String id, @Nullable String trackId, TextStreamWriter writer) {
            this.id = id;
            this.trackId = trackId;
            this.writer = writer;
        }

        /** The segment id ({@value Transcriptions#ATTRIBUTE_SEGMENT_ID}), SG_ followed by 12 hex digits. */
        public String id() {
            return id;
        }

        public String streamId() {
            return writer.info().id();
        }

        /** Sends the next piece of text (a delta, not the whole text so far). */
        public void append(String delta) {
            writer.write(delta);
        }

        /** Ends the segment with {@value Transcriptions#ATTRIBUTE_FINAL}=true. Closing twice does nothing. */
        @Override
        public void close() {
            Map<String, String> trailer = new HashMap<>();
            trailer.put(ATTRIBUTE_FINAL, "true");
            if (trackId != null) {
                trailer.put(ATTRIBUTE_TRACK_ID, trackId);
            }
            writer.close(trailer);
        }

        public void abort(String reason) {
            writer.abort(reason);
        }
    }
}
