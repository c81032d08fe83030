package dev.sofia.clinic.scheduling;

import java.sql.SQLException;

/** Reads the PostgreSQL SQLSTATE out of whatever Spring wrapped around it. */
final class SqlStates {

    static final String EXCLUSION_VIOLATION = "23P01";
    static final String UNIQUE_VIOLATION = "23505";
    static final String SERIALIZATION_FAILURE = "40001";
    static final String DEADLOCK = "40P01";

    private SqlStates() {}

    static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * Failures where running the same transaction again is safe and may succeed. An exclusion
     * violation counts: the re-run checks the slot again under the doctor's lock and either finds
     * another free chair or reports the slot as taken.
     */
    static boolean retryable(Throwable e) {
        String state = of(e);
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK.equals(state) || EXCLUSION_VIOLATION.equals(state);
    }
}
