package dev.sofia.agents.livekit.worker;

/** Where an {@link AgentWorker} stands with the server. */
public enum WorkerState {
    /** Opening the {@code /agent} WebSocket or waiting for the register response. */
    CONNECTING,
    /** Registered: the server may offer jobs. */
    REGISTERED,
    /** The socket is down; a reconnect is scheduled. Running jobs carry on. */
    DISCONNECTED,
    /** Declining new jobs while running ones finish (the socket may be up or down). */
    DRAINING,
    /** Stopped for good. */
    CLOSED
}
