package dev.sofia.agents.livekit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.DataPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TranscriptionsTests {

    private final LoopbackRoom room = new LoopbackRoom();

    @AfterEach
    void close() {
        room.close();
    }

    @Test
    void agentSpeechIsADeltaStreamMarkedFinalAtItsEnd() throws Exception {
        RoomData agent = room.join("agent");
        RoomData frontend = room.join("user");
        List<String> deltas = new CopyOnWriteArrayList<>();
        var headerInfo = new CompletableFuture<StreamInfo>();
        var endInfo = new CompletableFuture<StreamInfo>();
        frontend.registerTextStreamHandler(Transcriptions.TOPIC, reader -> {
            headerInfo.complete(reader.info());
            for (String delta; (delta = reader.readChunk()) != null; ) {
                deltas.add(delta);
            }
            endInfo.complete(reader.info());
        });

        Transcriptions.Segment segment = agent.transcriptions().startSegment("TR_agent", null);
        segment.append("Guten Tag, ");
        segment.append("hier ist Sofia.");
        segment.close();

        StreamInfo header = headerInfo.get(10, TimeUnit.SECONDS);
        assertThat(header.senderIdentity()).isEqualTo("agent");
        assertThat(header.attributes())
                .containsEntry(Transcriptions.ATTRIBUTE_SEGMENT_ID, segment.id())
                .containsEntry(Transcriptions.ATTRIBUTE_TRACK_ID, "TR_agent")
                .containsEntry(Transcriptions.ATTRIBUTE_FINAL, "false");
        assertThat(Transcriptions.isFinal(header)).isFalse();
        StreamInfo end = endInfo.get(10, TimeUnit.SECONDS);
        assertThat(Transcriptions.isFinal(end)).isTrue();
        assertThat(end.attributes()).containsEntry(Transcriptions.ATTRIBUTE_SEGMENT_ID, segment.id());
        assertThat(deltas).containsExactly("Guten Tag, ", "hier ist Sofia.");
        assertThat(segment.id()).matches("SG_[0-9a-f]{12}");
    }

    @Test
    void userTranscriptIsPublishedOnTheUsersBehalf() throws Exception {
        RoomData agent = room.join("agent");
        RoomData frontend = room.join("user");
        var info = new CompletableFuture<StreamInfo>();
        var text = new CompletableFuture<String>();
        frontend.registerTextStreamHandler(Transcriptions.TOPIC, reader -> {
            text.complete(reader.readAll());
            info.complete(reader.info());
        });

        agent.transcriptions().publishFinal("Ich möchte einen Termin.", "TR_user", "user");

        assertThat(text.get(10, TimeUnit.SECONDS)).isEqualTo("Ich möchte einen Termin.");
        assertThat(info.get(10, TimeUnit.SECONDS).senderIdentity()).isEqualTo("user");
        assertThat(Transcriptions.isFinal(info.get())).isTrue();
        assertThat(room.sentBy("agent", DataPacket.ValueCase.STREAM_HEADER)
                        .getFirst()
                        .getParticipantIdentity())
                .isEqualTo("user");
    }
}
