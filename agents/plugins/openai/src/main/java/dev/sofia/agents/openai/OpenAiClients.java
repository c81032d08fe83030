package dev.sofia.agents.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import dev.sofia.agents.provider.ConnectOptions;

/** How the plugin's providers build their SDK client and per-request options. */
final class OpenAiClients {

    /** OpenAI's own endpoint; any OpenAI-compatible server can be given instead. */
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private OpenAiClients() {}

    /**
     * A client for one endpoint. The SDK's own retries are off: agents-core retries (and reports
     * each failure), and two layers of retries would multiply the attempts.
     */
    static OpenAIClient create(String apiKey, String baseUrl) {
        return OpenAIOkHttpClient.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .maxRetries(0)
                .addInterceptor(HttpCall.interceptor())
                .build();
    }

    /**
     * The timeout applies to connecting and to each wait for data (so to the first token or audio
     * byte, and to a stalled stream), not to a whole streamed answer, which may rightly take longer.
     */
    static RequestOptions requestOptions(ConnectOptions options) {
        return RequestOptions.builder()
                .timeout(Timeout.builder()
                        .connect(options.timeout())
                        .read(options.timeout())
                        .write(options.timeout())
                        .build())
                .build();
    }
}
