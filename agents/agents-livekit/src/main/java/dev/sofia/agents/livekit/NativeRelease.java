package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.internal.NativeObject;
import dev.onvoid.webrtc.internal.RefCountedObject;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the native references that webrtc-java 0.14.0 takes for us and never releases. Without
 * this every peer connection (and with it its transports, channels, jitter buffers: about 1 MB for a
 * connected one) stays allocated after {@code close()}.
 *
 * <p>What webrtc-java does (tag v0.14.0, commit d6642ec41c77e3d9ff5feb963aeafb196743716e):
 *
 * <ul>
 *   <li>{@code PeerConnectionFactory.createPeerConnection} stores {@code pc.release()} — the raw
 *       pointer of a {@code scoped_refptr}, i.e. one reference it keeps — in the Java object's
 *       {@code nativeHandle} (webrtc-jni/src/main/cpp/src/JNI_PeerConnectionFactory.cpp, line 276);
 *   <li>{@code RTCPeerConnection.close()} calls {@code pc->Close()} and sets the handle to null, but
 *       never calls {@code Release()} (JNI_RTCPeerConnection.cpp, lines 594–615), and there is no
 *       {@code dispose()};
 *   <li>{@code RTCPeerConnection.addTrack} likewise hands out {@code sender.release()}
 *       (JNI_RTCPeerConnection.cpp, line 127), and {@code RTCRtpSender} has no release at all — the
 *       sender keeps our local track, which keeps its {@code CustomAudioSource};
 *   <li>{@code createAudioTrack} and {@code createDataChannel} / {@code onDataChannel} also hand out
 *       a reference each, but there {@code dispose()} releases it — and throws {@link Error} when it
 *       was not the last one, after releasing.
 * </ul>
 *
 * <p>The workaround: read the object's private {@code long nativeHandle} (declared in {@link
 * NativeObject}) by reflection, and release that reference through {@link RefCountedObject#release()}
 * — webrtc-java's own native method, which calls {@code webrtc::RefCountInterface::Release()} on the
 * handle of whatever object it is called on (JNI_RefCountedObject.cpp, lines 32–42) — called on an
 * instance of our own subclass whose handle we set to the pointer. This is valid because every
 * interface released here ({@code PeerConnectionInterface}, {@code RtpSenderInterface}, {@code
 * MediaStreamTrackInterface}, {@code DataChannelInterface}) has {@code RefCountInterface} as its
 * first base, so the pointer is also a {@code RefCountInterface*} (webrtc-java's own {@code
 * dispose()} methods rely on the same). Works on the class path (webrtc-java's module does not
 * export {@code dev.onvoid.webrtc.internal}); if reflection is refused, nothing is released and a
 * warning says so.
 *
 * <p>Rules for callers: release each reference exactly once (the object's handle is zeroed first, so
 * a second call, or any later use of the Java object, finds no handle instead of freed memory);
 * release a peer connection only after {@code close()}; and only on a thread of ours, never on a
 * libwebrtc callback thread (a proxy's destructor blocks on libwebrtc's signaling thread), and while
 * the factory's threads still run (before {@link WebRtcStack#release()}).
 */
final class NativeRelease {

    private static final Logger log = LoggerFactory.getLogger(NativeRelease.class);

    private static final @Nullable Field HANDLE = handleField();

    private static final AtomicLong released = new AtomicLong();
    private static final AtomicLong stillReferenced = new AtomicLong();

    /** Our handle on webrtc-java's native {@code RefCountedObject.release()}. */
    private static final class Reference extends RefCountedObject {}

    private NativeRelease() {}

    private static @Nullable Field handleField() {
        try {
            Field field = NativeObject.class.getDeclaredField("nativeHandle");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("cannot reach webrtc-java's native handles; peer connections will leak: {}", e.toString());
            return null;
        }
    }

    /**
     * Closes a peer connection and releases the reference webrtc-java kept, which destroys the
     * connection (its data channels should be released first: they are closed by then anyway).
     */
    static void closeAndRelease(RTCPeerConnection pc) {
        long handle = handle(pc); // close() zeroes it
        pc.close();
        release(handle, "peer connection");
    }

    /**
     * Releases the one reference the Java object holds and zeroes its handle. Not for objects whose
     * wrapper does not own a reference (e.g. {@code RTCRtpReceiver.getTrack()}'s).
     *
     * @return whether that was the last reference (the native object is gone)
     */
    static boolean release(NativeObject object, String what) {
        if (HANDLE == null) {
            return false;
        }
        long handle;
        synchronized (object) {
            handle = handle(object);
            setHandle(object, 0);
        }
        return release(handle, what);
    }

    private static boolean release(long handle, String what) {
        if (handle == 0 || HANDLE == null) {
            return false;
        }
        Reference reference = new Reference();
        setHandle(reference, handle);
        reference.release(); // zeroes the handle when it dropped the last reference
        released.incrementAndGet();
        boolean last = handle(reference) == 0;
        if (!last) {
            stillReferenced.incrementAndGet();
            log.debug("{} released, still referenced elsewhere", what);
        }
        return last;
    }

    /** References released so far (for tests and diagnostics). */
    static long releasedCount() {
        return released.get();
    }

    /** Releases that were not the last reference, i.e. something else still holds the object. */
    static long stillReferencedCount() {
        return stillReferenced.get();
    }

    private static long handle(NativeObject object) {
        Field field = HANDLE;
        if (field == null) {
            return 0;
        }
        try {
            return field.getLong(object);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setHandle(NativeObject object, long value) {
        Field field = HANDLE;
        if (field == null) {
            return;
        }
        try {
            field.setLong(object, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
