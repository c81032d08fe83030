package dev.sofia.agents.livekit.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A tiny HTTP health endpoint for standalone workers (JDK {@code com.sun.net.httpserver}): {@code
 * GET /health} answers 200 while the worker is registered with the server and 503 otherwise, with
 * the {@link WorkerHealth} as text. Apps with their own health machinery use {@link
 * AgentWorker#health()} instead.
 */
public final class HealthEndpoint implements AutoCloseable {

    private final HttpServer server;

    private HealthEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code /health} on {@code address} (port 0 = any free port). */
    public static HealthEndpoint start(InetSocketAddress address, Supplier<WorkerHealth> health) {
        try {
            HttpServer server = HttpServer.create(address, 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/health", exchange -> answer(exchange, health.get()));
            server.start();
            return new HealthEndpoint(server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serve /health on " + address, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, WorkerHealth health) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = (health.toString() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(health.isHealthy() ? 200 : 503, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
