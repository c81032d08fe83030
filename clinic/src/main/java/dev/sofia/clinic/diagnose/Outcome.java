package dev.sofia.clinic.diagnose;

/** One row of the diagnosis: which check, how it went, what was seen and (on failure) what to do. */
public record Outcome(String check, Status status, String detail, String hint) {

    /** SKIP is "not configured here", never a failure. */
    public enum Status {
        OK,
        FAIL,
        SKIP
    }

    static Outcome ok(String check, String detail) {
        return new Outcome(check, Status.OK, detail, "");
    }

    static Outcome fail(String check, String detail, String hint) {
        return new Outcome(check, Status.FAIL, detail, hint);
    }

    static Outcome skip(String check, String detail) {
        return new Outcome(check, Status.SKIP, detail, "");
    }
}
