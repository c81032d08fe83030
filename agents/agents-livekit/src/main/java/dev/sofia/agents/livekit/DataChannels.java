package dev.sofia.agents.livekit;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCPeerConnection;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitRtc.DataChannelInfo;
import livekit.LivekitRtc.SignalTarget;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LiveKit's data channels. We send on our own {@code _reliable} and {@code _lossy} channels on the
 * publisher connection; the server sends on the channels it opens on the subscriber connection.
 *
 * <p>Threading: libwebrtc calls the observers on its signaling thread; received bytes are copied
 * there (the buffer is only valid during the call) and parsed and delivered on one data thread, so
 * the consumer sees packets in arrival order and never runs on a libwebrtc thread. {@link #send} is
 * thread-safe and keeps call order on each channel (the data layer stamps reliable sequence numbers
 * in call order, and the server drops a reliable packet whose number does not increase).
 */
final class DataChannels {

    private static final Logger log = LoggerFactory.getLogger(DataChannels.class);

    /** libwebrtc closes a channel whose send buffer exceeds 16 MiB; stay well below. */
    private static final long HIGH_WATER_BYTES = 2L * 1024 * 1024;

    private static final Duration MAX_SEND_WAIT = Duration.ofSeconds(2);

    private final Consumer<DataPacket> consumer;
    private final ExecutorService dataThread = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("livekit-data").factory());
    private final List<RTCDataChannel> received = new CopyOnWriteArrayList<>();
    /** Per session: replaced when a full reconnect releases the channels. */
    private volatile CompletableFuture<Void> reliableOpen = new CompletableFuture<>();

    private final Object sendLock = new Object();
    private @Nullable RTCDataChannel reliable;
    private @Nullable RTCDataChannel lossy;
    private volatile boolean closed;
    /**
     * webrtc-java never frees the native observer it creates in {@code registerObserver}, nor its
     * JNI global reference to our observer ({@code unregisterObserver} only detaches it), so each
     * observer stays reachable forever: it is detached from this room when its channel is released,
     * leaving a few dozen bytes behind rather than the whole room.
     */
    private final List<Observer> observers = new CopyOnWriteArrayList<>();

    DataChannels(Consumer<DataPacket> consumer) {
        this.consumer = consumer;
    }

    /** Creates our sending channels; the next publisher offer carries them. */
    void createPublisherChannels(RTCPeerConnection publisher) {
        RTCDataChannelInit reliableInit = new RTCDataChannelInit();
        reliableInit.ordered = true;
        RTCDataChannel reliableChannel = publisher.createDataChannel("_reliable", reliableInit);
        register(reliableChannel, reliableOpen);
        RTCDataChannelInit lossyInit = new RTCDataChannelInit();
        lossyInit.ordered = false;
        lossyInit.maxRetransmits = 0;
        RTCDataChannel lossyChannel = publisher.createDataChannel("_lossy", lossyInit);
        register(lossyChannel, null);
        synchronized (sendLock) {
            reliable = reliableChannel;
            lossy = lossyChannel;
        }
    }

    /** Completes when our reliable channel opens, i.e. we can send. */
    CompletableFuture<Void> reliableOpen() {
        return reliableOpen;
    }

    /** A channel the server opened on the subscriber connection: listen to it. */
    void onRemoteChannel(RTCDataChannel channel) {
        received.add(channel);
        register(channel, null);
    }

    private void register(RTCDataChannel channel, @Nullable CompletableFuture<Void> opened) {
        Observer observer = new Observer(this, channel, opened);
        observers.add(observer);
        channel.registerObserver(observer);
    }

    /** What a session resume tells the server about our channels (label, id, side). */
    List<DataChannelInfo> channelInfos() {
        List<DataChannelInfo> infos = new ArrayList<>();
        synchronized (sendLock) {
            for (RTCDataChannel channel : new RTCDataChannel[] {reliable, lossy}) {
                if (channel != null) {
                    infos.add(info(channel, SignalTarget.PUBLISHER));
                }
            }
        }
        for (RTCDataChannel channel : received) {
            infos.add(info(channel, SignalTarget.SUBSCRIBER));
        }
        return infos;
    }

    private static DataChannelInfo info(RTCDataChannel channel, SignalTarget target) {
        return DataChannelInfo.newBuilder()
                .setLabel(channel.getLabel())
                .setId(channel.getId())
                .setTarget(target)
                .build();
    }

    void send(DataPacket packet, boolean reliableDelivery) {
        synchronized (sendLock) {
            RTCDataChannel channel = reliableDelivery ? reliable : lossy;
            if (closed || channel == null || channel.getState() != RTCDataChannelState.OPEN) {
                throw new IllegalStateException("data channel " + (reliableDelivery ? "_reliable" : "_lossy")
                        + " is not open" + (closed ? " (room closed)" : ""));
            }
            awaitBufferBelowHighWater(channel);
            try {
                channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(packet.toByteArray()), true));
            } catch (Exception e) {
                throw new RoomException("data send failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Waits (bounded) while libwebrtc holds a lot of unsent data, so a large stream cannot overflow
     * the channel; short polls are fine on the virtual threads that send.
     */
    private void awaitBufferBelowHighWater(RTCDataChannel channel) {
        long deadline = System.nanoTime() + MAX_SEND_WAIT.toNanos();
        while (channel.getBufferedAmount() > HIGH_WATER_BYTES && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RoomException("interrupted while the data channel was congested", e);
            }
        }
    }

    /** Stops delivery and closes every channel; call before the peer connections close. */
    void close() {
        synchronized (sendLock) {
            closed = true;
        }
        dataThread.shutdown();
        releaseChannels("room closed");
    }

    /**
     * Closes and releases the channels of the current peer connections, keeping delivery running
     * for the next ones (full reconnect). Engine thread; call again after the peer connections
     * closed, for a channel the server announced meanwhile.
     */
    void releaseChannels(String why) {
        for (RTCDataChannel channel : channelsToClose()) {
            try {
                channel.unregisterObserver();
                for (Observer observer : observers) {
                    if (observer.channel == channel) {
                        observer.detach();
                        observers.remove(observer);
                    }
                }
                channel.close();
                // As dispose() does, without its Error when libwebrtc still holds the channel.
                NativeRelease.release(channel, "data channel");
            } catch (RuntimeException e) {
                log.debug("data channel close: {}", e.toString());
            }
        }
        reliableOpen.completeExceptionally(new RoomException(why));
        if (!closed) {
            reliableOpen = new CompletableFuture<>();
        }
    }

    private List<RTCDataChannel> channelsToClose() {
        synchronized (sendLock) {
            List<RTCDataChannel> all = new ArrayList<>(received);
            received.removeAll(all);
            if (reliable != null) {
                all.add(reliable);
            }
            if (lossy != null) {
                all.add(lossy);
            }
            reliable = null;
            lossy = null;
            return all;
        }
    }

    private void deliver(byte[] bytes) {
        DataPacket packet;
        try {
            packet = DataPacket.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            log.warn("unreadable data packet ({} bytes): {}", bytes.length, e.getMessage());
            return;
        }
        try {
            consumer.accept(packet);
        } catch (RuntimeException e) {
            log.warn("data packet consumer failed on {}", packet.getValueCase(), e);
        }
    }

    /** Static, and detached on release: webrtc-java keeps every observer reachable (see above). */
    private static final class Observer implements RTCDataChannelObserver {
        private volatile @Nullable DataChannels owner;
        private volatile @Nullable RTCDataChannel channel;
        /** Completed when this channel opens: our reliable channel's, else null. */
        private volatile @Nullable CompletableFuture<Void> opened;

        Observer(DataChannels owner, RTCDataChannel channel, @Nullable CompletableFuture<Void> opened) {
            this.owner = owner;
            this.channel = channel;
            this.opened = opened;
        }

        void detach() {
            owner = null;
            channel = null;
            opened = null;
        }

        @Override
        public void onBufferedAmountChange(long previousAmount) {}

        @Override
        public void onStateChange() {
            RTCDataChannel ch = channel;
            CompletableFuture<Void> open = opened;
            if (ch != null && open != null && ch.getState() == RTCDataChannelState.OPEN) {
                open.complete(null);
            }
        }

        @Override
        public void onMessage(RTCDataChannelBuffer buffer) {
            DataChannels target = owner;
            if (target == null || target.closed) {
                return;
            }
            ByteBuffer data = buffer.data;
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            try {
                target.dataThread.execute(() -> target.deliver(bytes));
            } catch (RejectedExecutionException e) {
                // closing: late packets are dropped
            }
        }
    }
}
