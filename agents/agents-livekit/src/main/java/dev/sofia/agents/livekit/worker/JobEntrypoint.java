package dev.sofia.agents.livekit.worker;

/**
 * The agent's code for one job, run on the job's own virtual thread once the room is joined. The job
 * lasts as long as this method runs: return (or throw) to end it. An event-driven agent sets up its
 * listeners and then blocks in {@link JobContext#awaitShutdown()}.
 *
 * <p>When the server terminates the job, the worker drains past its timeout or the room closes, the
 * thread is interrupted: blocking calls throw {@link InterruptedException} and the method should
 * return. A return or an exception after that counts as a normal end (JS_SUCCESS); an exception
 * before it fails the job (JS_FAILED with the exception's message).
 */
@FunctionalInterface
public interface JobEntrypoint {

    void run(JobContext context) throws Exception;
}
