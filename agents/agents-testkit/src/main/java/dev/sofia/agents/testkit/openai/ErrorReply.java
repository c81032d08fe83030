package dev.sofia.agents.testkit.openai;

/**
 * An HTTP error as OpenAI sends it: the status and {@code {"error":{"message","type","param","code"}}}.
 */
public record ErrorReply(int status, String message, String type, String code) implements FakeReply {

    public static ErrorReply rateLimited() {
        return new ErrorReply(429, "Rate limit reached for requests", "requests", "rate_limit_exceeded");
    }

    public static ErrorReply serverError() {
        return new ErrorReply(500, "The server had an error while processing your request.", "server_error", "");
    }

    public static ErrorReply invalidApiKey() {
        return new ErrorReply(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
    }

    public static ErrorReply badRequest(String message) {
        return new ErrorReply(400, message, "invalid_request_error", "");
    }
}
