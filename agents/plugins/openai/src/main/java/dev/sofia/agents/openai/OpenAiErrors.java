package dev.sofia.agents.openai;

import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Maps what the SDK and OkHttp throw to agents-core's exceptions, whose retryable flag drives
 * retries and fallbacks: an HTTP status to {@link ProviderStatusException}, a timeout to {@link
 * ProviderTimeoutException}, any other I/O failure (refused, reset, dropped mid-stream) to {@link
 * ProviderConnectionException}. The SDK's messages and error bodies carry no API key.
 */
final class OpenAiErrors {

    private OpenAiErrors() {}

    /**
     * @param what the operation, for the timeout message ("chat completion")
     * @param timeout the timeout that was configured
     */
    static ProviderException map(String provider, Throwable failure, String what, Duration timeout) {
        if (failure instanceof ProviderException e) {
            return e;
        }
        if (failure instanceof SseException e) {
            // An error event inside a 200 stream: OpenAI sends these for server-side failures.
            boolean retryable = e.type().map("server_error"::equals).orElse(false);
            return new ProviderException(provider, "error in the stream: " + e.getMessage(), retryable, e);
        }
        if (failure instanceof OpenAIServiceException e) {
            return new ProviderStatusException(provider, e.statusCode(), body(e));
        }
        if (failure instanceof OpenAIInvalidDataException e) {
            return new ProviderException(provider, "unreadable response: " + e.getMessage(), false, e);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isTimeout(cause)) {
                return new ProviderTimeoutException(provider, what, timeout);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return new ProviderConnectionException(provider, what + " failed: " + io, failure);
            }
        }
        return ProviderException.unexpected(provider, failure);
    }

    private static boolean isTimeout(Throwable cause) {
        // OkHttp: SocketTimeoutException for connect and read timeouts, a plain
        // InterruptedIOException("timeout") when the whole call's time ran out.
        return cause instanceof SocketTimeoutException
                || (cause instanceof InterruptedIOException && "timeout".equals(cause.getMessage()));
    }

    private static String body(OpenAIServiceException e) {
        try {
            return ObjectMappers.jsonMapper().writeValueAsString(e.body());
        } catch (Exception unreadable) {
            return String.valueOf(e.getMessage());
        }
    }
}
