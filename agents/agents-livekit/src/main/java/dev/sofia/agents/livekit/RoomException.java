package dev.sofia.agents.livekit;

/** A room operation failed: connecting, negotiating or publishing. */
public class RoomException extends RuntimeException {

    public RoomException(String message) {
        super(message);
    }

    public RoomException(String message, Throwable cause) {
        super(message, cause);
    }
}
