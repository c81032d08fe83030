package dev.sofia.clinic.diagnose;

import java.time.Duration;
import java.util.List;

/**
 * One independent check. It may report several rows (the webhook check reports one per key). A
 * check that throws or outlives its {@link #timeout()} becomes a FAIL row; the others still run.
 */
interface Check {

    /** The row name used when the check throws or times out. */
    String name();

    /** What to tell the operator when the check throws or times out. */
    String hint();

    default Duration timeout() {
        return Duration.ofSeconds(10);
    }

    List<Outcome> run(DiagnoseSettings settings) throws Exception;
}
