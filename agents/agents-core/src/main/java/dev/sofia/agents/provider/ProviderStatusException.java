package dev.sofia.agents.provider;

/**
 * The provider answered with an HTTP error status (or the WebSocket equivalent). Retryable for
 * 408, 409, 429 and 5xx, as the providers document; not for the other 4xx.
 */
public class ProviderStatusException extends ProviderException {

    private final int status;
    private final String body;

    public ProviderStatusException(String provider, int status, String body) {
        super(provider, "HTTP " + status + (body.isBlank() ? "" : ": " + abbreviate(body)), isRetryable(status));
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The error body as the provider sent it (abbreviated in the message). */
    public String body() {
        return body;
    }

    public static boolean isRetryable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    private static String abbreviate(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
