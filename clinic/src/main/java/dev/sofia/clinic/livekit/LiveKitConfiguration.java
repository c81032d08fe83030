package dev.sofia.clinic.livekit;

import io.livekit.server.AgentDispatchServiceClient;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipService;
import io.livekit.server.SipServiceClient;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import retrofit2.Retrofit;
import retrofit2.converter.protobuf.ProtoConverterFactory;

/** Resolves which LiveKit server to use and builds the SDK's service clients for it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveKitProperties.class)
class LiveKitConfiguration {

    /** API calls that take longer than this fail fast with a 503 instead of holding a request. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /**
     * SIP calls wait on the carrier: a transfer answers once the REFER is accepted, an outbound call
     * may wait until the callee answers.
     */
    static final Duration SIP_CALL_TIMEOUT = Duration.ofSeconds(60);

    @Bean
    @Conditional(LocalLiveKitServerCondition.class)
    LocalLiveKitServer localLiveKitServer(ApplicationContext context, LiveKitProperties properties) {
        return new LocalLiveKitServer(context, properties.serverBinary());
    }

    @Bean
    LiveKitConnection liveKitConnection(LiveKitProperties properties, ObjectProvider<LocalLiveKitServer> local) {
        LocalLiveKitServer localServer = local.getIfAvailable();
        if (localServer != null) {
            return localServer.connection();
        }
        if (!properties.hasUrl() || properties.apiKey() == null || properties.apiSecret() == null) {
            throw new IllegalStateException(
                    "LiveKit is not configured: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET,"
                            + " or leave LIVEKIT_URL unset to start a local livekit-server");
        }
        return new LiveKitConnection(
                properties.url().strip(),
                properties.apiKey().strip(),
                properties.apiSecret().strip(),
                properties.extraWebhookKeys());
    }

    @Bean
    LiveKitClients liveKitClients(LiveKitConnection connection) {
        Supplier<OkHttpClient> http = () -> httpClient(CALL_TIMEOUT);
        Supplier<OkHttpClient> sipHttp = () -> httpClient(SIP_CALL_TIMEOUT);
        String host = connection.httpUrl();
        return new LiveKitClients(
                RoomServiceClient.createClient(host, connection.apiKey(), connection.apiSecret(), http),
                AgentDispatchServiceClient.createClient(host, connection.apiKey(), connection.apiSecret(), http),
                SipServiceClient.createClient(host, connection.apiKey(), connection.apiSecret(), sipHttp));
    }

    @Bean
    SipTrunkClient sipTrunkClient(LiveKitConnection connection) {
        // Built as the SDK builds its SipServiceClient: the same base URL, protobuf bodies and timeouts.
        SipService service = new Retrofit.Builder()
                .baseUrl(connection.httpUrl())
                .addConverterFactory(ProtoConverterFactory.create())
                .client(httpClient(CALL_TIMEOUT))
                .build()
                .create(SipService.class);
        return new SipTrunkClient(service, connection.apiKey(), connection.apiSecret());
    }

    private static OkHttpClient httpClient(Duration callTimeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(CALL_TIMEOUT)
                .readTimeout(callTimeout)
                .callTimeout(callTimeout)
                .build();
    }
}
