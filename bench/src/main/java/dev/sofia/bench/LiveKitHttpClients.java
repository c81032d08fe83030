package dev.sofia.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * HTTP load from virtual threads: client {@code i} always uses its own keep-alive connection
 * ({@link LiveKitHttpWire}), so {@code n} clients hold {@code n} connections to the app, as {@code
 * wrk -c n} would. All clients start together behind a latch, so the measured wall time covers only
 * the time all of them were sending.
 */
final class LiveKitHttpClients implements AutoCloseable {

    /** One step's outcome: per-request latencies, the wall time of the whole step, the failures. */
    record Outcome(Samples latency, long requests, long elapsedNanos, int failures, String firstFailure) {}

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<LiveKitHttpWire> wires = new ArrayList<>();

    LiveKitHttpClients(InetSocketAddress server, int count) {
        for (int i = 0; i < count; i++) {
            wires.add(new LiveKitHttpWire(server));
        }
    }

    /** TCP connections opened so far by all clients (Tomcat closes one after 100 requests by default). */
    int connections() {
        return wires.stream().mapToInt(LiveKitHttpWire::connections).sum();
    }

    /**
     * Sends {@code perClient.get(i)} in order from client {@code i}, all clients at once; every
     * answer other than 200 counts as a failure.
     */
    Outcome send(List<List<LiveKitHttpWire.Request>> perClient) {
        int clients = perClient.size();
        if (clients > wires.size()) {
            throw new IllegalArgumentException(clients + " clients, only " + wires.size() + " connections");
        }
        List<Samples> latencies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            latencies.add(new Samples());
        }
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long elapsed = run(clients, client -> {
            LiveKitHttpWire wire = wires.get(client);
            Samples samples = latencies.get(client);
            for (LiveKitHttpWire.Request request : perClient.get(client)) {
                long start = System.nanoTime();
                LiveKitHttpWire.Response response;
                try {
                    response = wire.send(request);
                } catch (IOException e) {
                    throw new IllegalStateException(request.path() + ": " + e, e);
                }
                samples.add(System.nanoTime() - start);
                if (response.status() != 200) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(
                            null,
                            request.path() + " answered " + response.status() + ": "
                                    + new String(response.body(), StandardCharsets.UTF_8));
                }
            }
        });
        Samples all = new Samples();
        latencies.forEach(all::addAll);
        return new Outcome(all, all.count(), elapsed, failures.get(), firstFailure.get());
    }

    /** Runs {@code work.accept(i)} for {@code i} in 0..clients-1 on virtual threads at once; returns the wall time. */
    long run(int clients, IntConsumer work) {
        return Clients.runTogether(threads, clients, work);
    }

    @Override
    public void close() {
        wires.forEach(LiveKitHttpWire::close);
        threads.shutdownNow();
    }
}
