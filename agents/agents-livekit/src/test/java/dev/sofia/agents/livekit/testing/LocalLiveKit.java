package dev.sofia.agents.livekit.testing;

import dev.sofia.livekit.local.LiveKitProcess;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real livekit-server for one test class, on free loopback ports with generated keys, started
 * before the class's tests and stopped after them:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalLiveKit server = LocalLiveKit.withPythonPeers();
 * ... Room.connect(server.url(), TestTokens.join(server.config(), room, "agent"), options) ...
 * }</pre>
 */
public final class LocalLiveKit implements BeforeAllCallback, AfterAllCallback {

    private final UnaryOperator<LiveKitServerConfig> configure;
    private final boolean pythonPeers;
    private @Nullable LiveKitProcess process;

    private LocalLiveKit(UnaryOperator<LiveKitServerConfig> configure, boolean pythonPeers) {
        this.configure = configure;
        this.pythonPeers = pythonPeers;
    }

    public static LocalLiveKit onFreePorts() {
        return new LocalLiveKit(UnaryOperator.identity(), false);
    }

    /** Also checks first that the Python test peers are installed (failing at once with the hint). */
    public static LocalLiveKit withPythonPeers() {
        return new LocalLiveKit(UnaryOperator.identity(), true);
    }

    /** With the server's config changed, e.g. {@code LiveKitServerConfig::withTurn}. */
    public LocalLiveKit configured(UnaryOperator<LiveKitServerConfig> change) {
        return new LocalLiveKit(c -> change.apply(configure.apply(c)), pythonPeers);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (pythonPeers) {
            PythonPeer.python();
        }
        process = LiveKitProcess.start(configure.apply(LiveKitServerConfig.onFreePorts()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LiveKitProcess running = process;
        if (running != null) {
            running.close();
        }
    }

    public LiveKitProcess process() {
        LiveKitProcess running = process;
        if (running == null) {
            throw new IllegalStateException("the server starts before the class's tests");
        }
        return running;
    }

    public String url() {
        return process().url();
    }

    public LiveKitServerConfig config() {
        return process().config();
    }

    public boolean isAlive() {
        return process().isAlive();
    }

    /** The server's output so far, for diagnosing a failed test. */
    public String output() {
        return process().output();
    }
}
