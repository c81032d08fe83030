/**
 * The agent worker: registers with livekit-server over the {@code /agent} WebSocket, answers job
 * availability by load, runs each assigned job (a room joined with the job's token plus the agent's
 * {@link dev.sofia.agents.livekit.worker.JobEntrypoint}) on its own virtual thread, reports job and
 * worker status, reconnects with backoff and drains on shutdown. Public: {@code AgentWorker},
 * {@code WorkerOptions}, {@code JobEntrypoint}, {@code JobContext}, {@code WorkerState}, {@code
 * WorkerHealth}, {@code HealthEndpoint}, {@code CpuLoad}. See docs/agents-livekit.md, "Worker".
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.livekit.worker;
