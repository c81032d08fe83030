package dev.sofia.agents.livekit.data;

/** A data stream that did not complete normally, thrown by stream readers and writers. */
public final class DataStreamException extends RuntimeException {

    /** Why the stream failed. */
    public enum Reason {
        /** The sender closed the stream with a non-empty trailer reason. */
        ABNORMAL_END,
        /** The sender left the room before closing the stream. */
        SENDER_DISCONNECTED,
        /** The stream ended with chunks or bytes missing. */
        INCOMPLETE,
        /** More bytes arrived than the header's total length announced. */
        LENGTH_EXCEEDED,
        /** The stream exceeded this side's configured size limit and was dropped. */
        TOO_LARGE,
        /** The local side closed: the room left, or the reader or writer was closed. */
        CLOSED,
        /** A header too large for one packet (reduce the attributes). */
        HEADER_TOO_LARGE
    }

    private final Reason reason;

    public DataStreamException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
