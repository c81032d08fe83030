package dev.sofia.agents.testkit.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the OpenAI API, speaking its wire format on {@code 127.0.0.1}: {@code POST
 * /v1/chat/completions} (streamed only), {@code /v1/audio/transcriptions} (multipart upload, JSON
 * answer) and {@code /v1/audio/speech} (chunked PCM). Every request must carry {@code
 * Authorization: Bearer <apiKey>}, else it gets OpenAI's 401.
 *
 * <p>Each endpoint answers from its own queue of scripted {@link FakeReply}s, one per request; an
 * {@link ErrorReply} answers with that error, and an empty queue with a 500 naming the endpoint, so
 * a test that forgot a reply fails loudly. {@link #setLatency} slows answers down; replies can drop
 * the connection mid-stream. Every request is recorded ({@link #requests()}), including refused
 * ones, and a client going away mid-response is counted ({@link #awaitClientDisconnect}).
 *
 * <p>Each request is handled on a virtual thread of its own, so latencies of concurrent requests
 * do not add up. {@link #close()} stops the server and interrupts requests still being answered.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final String apiKey;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<FakeEndpoint, Queue<FakeReply>> replies = new EnumMap<>(FakeEndpoint.class);
    private final List<FakeOpenAiRequest> requests = new CopyOnWriteArrayList<>();
    private final Semaphore disconnects = new Semaphore(0);
    private volatile FakeLatency latency = FakeLatency.NONE;

    private FakeOpenAiServer(String apiKey) throws IOException {
        this.apiKey = apiKey;
        for (FakeEndpoint endpoint : FakeEndpoint.values()) {
            replies.put(endpoint, new ConcurrentLinkedQueue<>());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on a free port that accepts this API key. */
    public static FakeOpenAiServer start(String apiKey) {
        try {
            return new FakeOpenAiServer(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake OpenAI server", e);
        }
    }

    /** What an OpenAI client takes as its base URL: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public String apiKey() {
        return apiKey;
    }

    /** Queues a reply for the next request to {@code endpoint}. */
    public FakeOpenAiServer enqueue(FakeEndpoint endpoint, FakeReply reply) {
        boolean fits = switch (reply) {
            case ChatReply r -> endpoint == FakeEndpoint.CHAT_COMPLETIONS;
            case TranscriptionReply r -> endpoint == FakeEndpoint.TRANSCRIPTIONS;
            case SpeechReply r -> endpoint == FakeEndpoint.SPEECH;
            case ErrorReply r -> true;
        };
        if (!fits) {
            throw new IllegalArgumentException(reply.getClass().getSimpleName() + " cannot answer " + endpoint);
        }
        replies.get(endpoint).add(reply);
        return this;
    }

    public FakeOpenAiServer enqueueChat(ChatReply reply) {
        return enqueue(FakeEndpoint.CHAT_COMPLETIONS, reply);
    }

    public FakeOpenAiServer enqueueTranscription(String text) {
        return enqueue(FakeEndpoint.TRANSCRIPTIONS, new TranscriptionReply(text));
    }

    public FakeOpenAiServer enqueueSpeech(SpeechReply reply) {
        return enqueue(FakeEndpoint.SPEECH, reply);
    }

    public FakeOpenAiServer enqueueError(FakeEndpoint endpoint, ErrorReply error) {
        return enqueue(endpoint, error);
    }

    /** Applies to requests arriving from now on. */
    public void setLatency(FakeLatency latency) {
        this.latency = latency;
    }

    /** Every request received so far, in order of arrival. */
    public List<FakeOpenAiRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests received so far at one endpoint. */
    public List<FakeOpenAiRequest> requests(FakeEndpoint endpoint) {
        return requests.stream().filter(r -> r.path().equals(endpoint.path())).toList();
    }

    /**
     * Waits until a client has gone away while its response was still being written (e.g. it
     * cancelled a stream); each disconnect satisfies one call.
     */
    public boolean awaitClientDisconnect(Duration timeout) throws InterruptedException {
        return disconnects.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            answer(exchange);
            exchange.close();
        } catch (DroppedConnection e) {
            throw e; // not closing the exchange: the server then closes the socket without ending the body
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is closing
            exchange.close();
        } catch (IOException e) {
            disconnects.release(); // the client went away mid-response
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException, InterruptedException {
        FakeOpenAiRequest request = record(exchange);
        if (!("Bearer " + apiKey).equals(request.header("Authorization"))) {
            Replies.sendError(exchange, ErrorReply.invalidApiKey());
            return;
        }
        if (request.json() == null
                && request.body().length > 0
                && request.file() == null
                && request.form().isEmpty()) {
            Replies.sendError(exchange, ErrorReply.badRequest("We could not parse the JSON body of your request."));
            return;
        }
        FakeEndpoint endpoint = endpointOf(request);
        if (endpoint == null) {
            Replies.sendError(
                    exchange,
                    new ErrorReply(
                            404,
                            "Invalid URL (" + request.method() + " " + request.path() + ")",
                            "invalid_request_error",
                            ""));
            return;
        }
        FakeReply reply = replies.get(endpoint).poll();
        switch (reply) {
            case null ->
                Replies.sendError(
                        exchange,
                        new ErrorReply(500, "FakeOpenAiServer: no reply scripted for " + endpoint, "server_error", ""));
            case ErrorReply error -> Replies.sendError(exchange, error);
            case ChatReply chat -> streamChat(exchange, request, chat);
            case TranscriptionReply transcription -> AudioReplies.transcribe(exchange, request, transcription, latency);
            case SpeechReply speech -> AudioReplies.speak(exchange, request, speech, latency);
        }
    }

    private void streamChat(HttpExchange exchange, FakeOpenAiRequest request, ChatReply reply)
            throws IOException, InterruptedException {
        JsonNode body = request.requireJson();
        if (!body.path("stream").asBoolean(false)) {
            Replies.sendError(
                    exchange, ErrorReply.badRequest("FakeOpenAiServer answers only streamed chat completions"));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("x-request-id", "req_" + requests.size());
        exchange.sendResponseHeaders(200, 0);
        new ChatCompletionStream(reply, body).writeTo(exchange.getResponseBody(), latency);
    }

    private FakeOpenAiRequest record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        JsonNode json = null;
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            try {
                json = JSON.readTree(body);
            } catch (JacksonException e) {
                json = null; // recorded as sent; answered with a 400 like OpenAI's
            }
        }
        Multipart.Parts parts = Multipart.parse(contentType, body);
        FakeOpenAiRequest request = new FakeOpenAiRequest(
                Instant.now(),
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                headers,
                body,
                json,
                parts.fields(),
                parts.file());
        requests.add(request);
        return request;
    }

    private static @Nullable FakeEndpoint endpointOf(FakeOpenAiRequest request) {
        for (FakeEndpoint endpoint : FakeEndpoint.values()) {
            if (endpoint.path().equals(request.path()) && request.method().equals("POST")) {
                return endpoint;
            }
        }
        return null;
    }
}
