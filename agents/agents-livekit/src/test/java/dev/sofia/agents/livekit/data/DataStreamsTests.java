package dev.sofia.agents.livekit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.DataPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataStreamsTests {

    private final LoopbackRoom room = new LoopbackRoom();

    @AfterEach
    void close() {
        room.close();
    }

    @Test
    void longNonAsciiTextRoundTripsWithAttributes() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        var received = new CompletableFuture<String>();
        var info = new CompletableFuture<StreamInfo>();
        var handlerThreadVirtual = new CompletableFuture<Boolean>();
        bob.registerTextStreamHandler("notes", reader -> {
            handlerThreadVirtual.complete(Thread.currentThread().isVirtual());
            received.complete(reader.readAll());
            info.complete(reader.info());
        });
        String text = "Термин у доктора Шмидт 🦷, завтра в 9:30 — bitte pünktlich! 👩‍⚕️\n".repeat(700);
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(60_000);

        StreamInfo sent = alice.sendText(text, StreamOptions.topic("notes").withAttributes(Map.of("lang", "ru")));

        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(text);
        StreamInfo got = info.get(10, TimeUnit.SECONDS);
        assertThat(got.id()).isEqualTo(sent.id());
        assertThat(got.topic()).isEqualTo("notes");
        assertThat(got.mimeType()).isEqualTo("text/plain");
        assertThat(got.senderIdentity()).isEqualTo("alice");
        assertThat(got.attributes()).containsEntry("lang", "ru");
        assertThat(got.totalLength()).hasValue(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(handlerThreadVirtual.get(10, TimeUnit.SECONDS)).isTrue();

        List<DataPacket> chunks = room.sentBy("alice", DataPacket.ValueCase.STREAM_CHUNK);
        assertThat(chunks).hasSizeGreaterThan(4);
        for (int i = 0; i < chunks.size(); i++) {
            var chunk = chunks.get(i).getStreamChunk();
            assertThat(chunk.getChunkIndex()).isEqualTo(i);
            assertThat(chunk.getContent().size()).isLessThanOrEqualTo(15_000);
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(chunk.getContent().toByteArray())); // each chunk whole characters
        }
        assertThat(room.sent).allSatisfy(s -> assertThat(s.reliable()).isTrue());
    }

    @Test
    void deltasArriveAsWrittenAndTrailerAttributesAreMerged() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        var pieces = new LinkedBlockingQueue<String>();
        var info = new CompletableFuture<StreamInfo>();
        bob.registerTextStreamHandler("lk.transcription", reader -> {
            assertThat(reader.info().attributes()).containsEntry("final", "false");
            for (String piece; (piece = reader.readChunk()) != null; ) {
                pieces.add(piece);
            }
            info.complete(reader.info());
        });

        TextStreamWriter writer = alice.streamText(
                StreamOptions.topic("lk.transcription").withAttributes(Map.of("final", "false", "segment", "s1")));
        writer.write("Guten ");
        writer.write("Tag, ");
        writer.write("Frau Ясная.");
        writer.close(Map.of("final", "true"));

        StreamInfo end = info.get(10, TimeUnit.SECONDS);
        assertThat(new ArrayList<>(pieces)).containsExactly("Guten ", "Tag, ", "Frau Ясная.");
        assertThat(end.attributes()).containsEntry("final", "true").containsEntry("segment", "s1");
        assertThatThrownBy(() -> writer.write("more"))
                .isInstanceOf(DataStreamException.class)
                .extracting(e -> ((DataStreamException) e).reason())
                .isEqualTo(DataStreamException.Reason.CLOSED);
    }

    @Test
    void bytesRoundTrip() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        var received = new CompletableFuture<byte[]>();
        var info = new CompletableFuture<StreamInfo>();
        bob.registerByteStreamHandler("blobs", reader -> {
            received.complete(reader.readAll());
            info.complete(reader.info());
        });
        byte[] bytes = new byte[100_000];
        new Random(1).nextBytes(bytes);

        alice.sendBytes(bytes, StreamOptions.topic("blobs").withName("scan.bin").withMimeType("application/x-scan"));

        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(bytes);
        StreamInfo got = info.get(10, TimeUnit.SECONDS);
        assertThat(got.name()).isEqualTo("scan.bin");
        assertThat(got.mimeType()).isEqualTo("application/x-scan");
        assertThat(got.totalLength()).hasValue(100_000);
        assertThat(room.sentBy("alice", DataPacket.ValueCase.STREAM_CHUNK))
                .hasSize(7)
                .allSatisfy(
                        p -> assertThat(p.getStreamChunk().getContent().size()).isLessThanOrEqualTo(15_000));
    }

    @Test
    void fileRoundTrips(@TempDir Path dir) throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        var received = new CompletableFuture<byte[]>();
        var info = new CompletableFuture<StreamInfo>();
        bob.registerByteStreamHandler("files", reader -> {
            received.complete(reader.readAll());
            info.complete(reader.info());
        });
        Path file = dir.resolve("befund.txt");
        Files.writeString(file, "Befund: unauffällig ✓\n".repeat(2_000));

        alice.sendFile(file, StreamOptions.topic("files"));

        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(Files.readAllBytes(file));
        StreamInfo got = info.get(10, TimeUnit.SECONDS);
        assertThat(got.name()).isEqualTo("befund.txt");
        assertThat(got.totalLength()).hasValue(Files.size(file));
    }

    @Test
    void streamsGoOnlyToTheirDestinationsAndTopicsWithoutHandlerAreIgnored() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        RoomData carol = room.join("carol");
        var bobGot = new LinkedBlockingQueue<String>();
        var carolGot = new LinkedBlockingQueue<String>();
        bob.registerTextStreamHandler("t", reader -> bobGot.add(reader.readAll()));
        carol.registerTextStreamHandler("t", reader -> carolGot.add(reader.readAll()));

        alice.sendText("nobody listens", StreamOptions.topic("other"));
        alice.sendText("only bob", StreamOptions.topic("t").withDestinations("bob"));
        alice.sendText("everyone", StreamOptions.topic("t"));

        // Each stream has its own handler thread, so the two may finish in either order.
        assertThat(List.of(bobGot.poll(10, TimeUnit.SECONDS), bobGot.poll(10, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder("only bob", "everyone");
        assertThat(carolGot.poll(10, TimeUnit.SECONDS)).isEqualTo("everyone");
        room.awaitDelivered();
        assertThat(carolGot).isEmpty();
    }

    @Test
    void abortedStreamFailsTheReader() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        var failure = new CompletableFuture<DataStreamException>();
        bob.registerTextStreamHandler("t", reader -> failure.complete(readFailure(reader)));

        TextStreamWriter writer = alice.streamText(StreamOptions.topic("t"));
        writer.write("half a sent");
        writer.abort("interrupted");

        DataStreamException e = failure.get(10, TimeUnit.SECONDS);
        assertThat(e.reason()).isEqualTo(DataStreamException.Reason.ABNORMAL_END);
        assertThat(e.getMessage()).contains("interrupted");
    }

    @Test
    void senderLeavingFailsItsOpenStreams() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        var failure = new CompletableFuture<DataStreamException>();
        bob.registerByteStreamHandler("b", reader -> failure.complete(readFailure(reader)));

        alice.streamBytes(StreamOptions.topic("b")).write(new byte[] {1, 2, 3});
        room.leave("alice");

        assertThat(failure.get(10, TimeUnit.SECONDS).reason())
                .isEqualTo(DataStreamException.Reason.SENDER_DISCONNECTED);
    }

    @Test
    void streamOverTheLimitIsDroppedAndReportedAndLaterStreamsStillWork() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob", RoomDataOptions.defaults().withMaxStreamBytes(40_000));
        var outcomes = new LinkedBlockingQueue<Object>();
        bob.registerByteStreamHandler("b", reader -> {
            try {
                outcomes.add(reader.readAll().length);
            } catch (DataStreamException e) {
                outcomes.add(e.reason());
            }
        });

        ByteStreamWriter unannounced = alice.streamBytes(StreamOptions.topic("b")); // size not announced
        unannounced.write(new byte[100_000]);
        unannounced.close();
        alice.sendBytes(new byte[50_000], StreamOptions.topic("b")); // announced too large: dropped at the header
        alice.sendBytes(new byte[30_000], StreamOptions.topic("b"));

        assertThat(List.of(poll(outcomes), poll(outcomes), poll(outcomes)))
                .containsExactlyInAnyOrder(
                        DataStreamException.Reason.TOO_LARGE, DataStreamException.Reason.TOO_LARGE, 30_000);
    }

    @Test
    void tooManyOpenStreamsAreDropped() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob", RoomDataOptions.defaults().withMaxOpenStreams(2));
        var outcomes = new LinkedBlockingQueue<Object>();
        bob.registerTextStreamHandler("t", reader -> {
            try {
                outcomes.add(reader.readAll());
            } catch (DataStreamException e) {
                outcomes.add(e.reason());
            }
        });

        List<TextStreamWriter> writers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            writers.add(alice.streamText(StreamOptions.topic("t")));
        }
        for (int i = 0; i < 3; i++) {
            writers.get(i).write("s" + i);
            writers.get(i).close();
        }

        assertThat(List.of(poll(outcomes), poll(outcomes), poll(outcomes)))
                .containsExactlyInAnyOrder("s0", "s1", DataStreamException.Reason.TOO_LARGE);
    }

    @Test
    void headerThatDoesNotFitOnePacketIsRefused() {
        RoomData alice = room.join("alice");
        assertThatThrownBy(() ->
                        alice.streamText(StreamOptions.topic("t").withAttributes(Map.of("big", "x".repeat(16_000)))))
                .isInstanceOf(DataStreamException.class)
                .extracting(e -> ((DataStreamException) e).reason())
                .isEqualTo(DataStreamException.Reason.HEADER_TOO_LARGE);
        assertThat(room.sent).isEmpty();
    }

    @Test
    void writingMoreThanTheAnnouncedSizeIsRefused() {
        RoomData alice = room.join("alice");
        ByteStreamWriter writer = alice.streamBytes(StreamOptions.topic("b").withTotalSize(10));
        writer.write(new byte[6]);
        assertThatThrownBy(() -> writer.write(new byte[6]))
                .isInstanceOf(DataStreamException.class)
                .extracting(e -> ((DataStreamException) e).reason())
                .isEqualTo(DataStreamException.Reason.LENGTH_EXCEEDED);
    }

    @Test
    void closingTheRoomFailsOpenStreams() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        var failure = new CompletableFuture<DataStreamException>();
        bob.registerTextStreamHandler("t", reader -> failure.complete(readFailure(reader)));
        alice.streamText(StreamOptions.topic("t")).write("open");
        room.awaitDelivered();

        bob.close();

        assertThat(failure.get(10, TimeUnit.SECONDS).reason()).isEqualTo(DataStreamException.Reason.CLOSED);
    }

    static DataStreamException readFailure(TextStreamReader reader) throws InterruptedException {
        try {
            reader.readAll();
        } catch (DataStreamException e) {
            return e;
        }
        throw new AssertionError("the stream ended normally");
    }

    static DataStreamException readFailure(ByteStreamReader reader) throws InterruptedException {
        try {
            reader.readAll();
        } catch (DataStreamException e) {
            return e;
        }
        throw new AssertionError("the stream ended normally");
    }

    private static Object poll(LinkedBlockingQueue<Object> queue) throws InterruptedException, ExecutionException {
        Object next = queue.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("an outcome within 10 s").isNotNull();
        return next;
    }
}
