package dev.sofia.agents.testkit.openai;

/** The OpenAI endpoints the fake serves, each with its own queue of scripted replies. */
public enum FakeEndpoint {
    CHAT_COMPLETIONS("/v1/chat/completions"),
    TRANSCRIPTIONS("/v1/audio/transcriptions"),
    SPEECH("/v1/audio/speech");

    private final String path;

    FakeEndpoint(String path) {
        this.path = path;
    }

    /** The request path, e.g. {@code /v1/chat/completions}. */
    public String path() {
        return path;
    }
}
