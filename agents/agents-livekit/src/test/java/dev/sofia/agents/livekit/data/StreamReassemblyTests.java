package dev.sofia.agents.livekit.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.DataStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Packets as a misbehaving or unlucky sender's would arrive, fed straight into {@link RoomData#onPacket}. */
class StreamReassemblyTests {

    private final List<DataPacket> sent = new CopyOnWriteArrayList<>();
    private final RoomData data = new RoomData(new DataTransport() {
        @Override
        public void send(DataPacket packet, boolean reliable) {
            sent.add(packet);
        }

        @Override
        public String localIdentity() {
            return "agent";
        }
    });
    private final CompletableFuture<Object> outcome = new CompletableFuture<>();

    @AfterEach
    void close() {
        data.close();
    }

    private void readTextInto() {
        data.registerTextStreamHandler("t", reader -> {
            try {
                outcome.complete(reader.readAll());
            } catch (DataStreamException e) {
                outcome.complete(e.reason());
            }
        });
    }

    @Test
    void chunksOutOfOrderAndDuplicatedAreReassembledInOrder() throws Exception {
        readTextInto();
        data.onPacket(header("s", null));
        data.onPacket(chunk("s", 2, "drei"));
        data.onPacket(chunk("s", 0, "eins "));
        data.onPacket(chunk("s", 0, "eins "));
        data.onPacket(chunk("s", 1, "zwei "));
        data.onPacket(chunk("s", 2, "drei"));
        data.onPacket(trailer("s", ""));

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("eins zwei drei");
    }

    @Test
    void missingChunkAtTheEndFailsAsIncomplete() throws Exception {
        readTextInto();
        data.onPacket(header("s", null));
        data.onPacket(chunk("s", 0, "eins "));
        data.onPacket(chunk("s", 2, "drei"));
        data.onPacket(trailer("s", ""));

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(DataStreamException.Reason.INCOMPLETE);
    }

    @Test
    void fewerBytesThanAnnouncedFailsAsIncomplete() throws Exception {
        readTextInto();
        data.onPacket(header("s", 100L));
        data.onPacket(chunk("s", 0, "short"));
        data.onPacket(trailer("s", ""));

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(DataStreamException.Reason.INCOMPLETE);
    }

    @Test
    void moreBytesThanAnnouncedFailsAsLengthExceeded() throws Exception {
        readTextInto();
        data.onPacket(header("s", 3L));
        data.onPacket(chunk("s", 0, "too long"));
        data.onPacket(trailer("s", ""));

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(DataStreamException.Reason.LENGTH_EXCEEDED);
    }

    @Test
    void chunksAndTrailersOfUnknownStreamsAreIgnored() throws Exception {
        readTextInto();
        data.onPacket(chunk("nobody", 0, "x"));
        data.onPacket(trailer("nobody", "whatever"));
        data.onPacket(header("s", null));
        data.onPacket(chunk("s", 0, "fine"));
        data.onPacket(trailer("s", ""));

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("fine");
    }

    @Test
    void characterSplitAcrossChunksByASloppySenderIsDecodedWhole() throws Exception {
        readTextInto();
        byte[] utf8 = "Ё😀".getBytes(StandardCharsets.UTF_8); // 2 + 4 bytes
        data.onPacket(header("s", null));
        data.onPacket(chunk("s", 0, Arrays.copyOfRange(utf8, 0, 3)));
        data.onPacket(chunk("s", 1, Arrays.copyOfRange(utf8, 3, 6)));
        data.onPacket(trailer("s", ""));

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("Ё😀");
    }

    @Test
    void readerThatClosesDropsTheRest() throws Exception {
        var firstThenClosed = new CompletableFuture<String>();
        data.registerTextStreamHandler("t", reader -> {
            String first = reader.readChunk();
            reader.close();
            try {
                reader.readChunk();
                firstThenClosed.complete(first + " / still readable");
            } catch (DataStreamException e) {
                firstThenClosed.complete(first + " / " + e.reason());
            }
        });
        data.onPacket(header("s", null));
        data.onPacket(chunk("s", 0, "eins"));

        assertThat(firstThenClosed.get(10, TimeUnit.SECONDS)).isEqualTo("eins / CLOSED");
        data.onPacket(chunk("s", 1, "zwei")); // ignored, no error
        data.onPacket(trailer("s", ""));
    }

    private static DataPacket header(String id, Long totalLength) {
        var header = DataStream.Header.newBuilder()
                .setStreamId(id)
                .setTopic("t")
                .setMimeType("text/plain")
                .setTextHeader(DataStream.TextHeader.getDefaultInstance());
        if (totalLength != null) {
            header.setTotalLength(totalLength);
        }
        return DataPacket.newBuilder()
                .setParticipantIdentity("user")
                .setStreamHeader(header)
                .build();
    }

    private static DataPacket chunk(String id, long index, String text) {
        return chunk(id, index, text.getBytes(StandardCharsets.UTF_8));
    }

    private static DataPacket chunk(String id, long index, byte[] content) {
        return DataPacket.newBuilder()
                .setParticipantIdentity("user")
                .setStreamChunk(DataStream.Chunk.newBuilder()
                        .setStreamId(id)
                        .setChunkIndex(index)
                        .setContent(ByteString.copyFrom(content)))
                .build();
    }

    private static DataPacket trailer(String id, String reason) {
        return DataPacket.newBuilder()
                .setParticipantIdentity("user")
                .setStreamTrailer(
                        DataStream.Trailer.newBuilder().setStreamId(id).setReason(reason))
                .build();
    }
}
