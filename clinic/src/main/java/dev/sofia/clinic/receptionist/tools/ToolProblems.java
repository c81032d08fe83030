package dev.sofia.clinic.receptionist.tools;

import dev.sofia.agents.tools.ToolError;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.ProblemException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns what the practice's services refuse into {@link ToolError}s the model (and the offline
 * engine) can act on: a short code first ({@code slot-taken: …}), then the reason in words. The
 * code is what the offline engine branches on; the words are what a model reads.
 */
public final class ToolProblems {

    private ToolProblems() {}

    public static ToolError refuse(String code, String reason) {
        return new ToolError(code + ": " + reason);
    }

    /** Runs a service call, turning its problem into a tool error. */
    public static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            throw refuse(code(e), describe(e));
        }
    }

    /** The error code at the start of a tool error's message, or "error". */
    public static String codeOf(String toolErrorMessage) {
        int colon = toolErrorMessage.indexOf(':');
        return colon > 0 && toolErrorMessage.substring(0, colon).matches("[a-z-]+")
                ? toolErrorMessage.substring(0, colon)
                : "error";
    }

    private static String code(ProblemException e) {
        String path = e.type().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String describe(ProblemException e) {
        if (e.errors().isEmpty()) {
            return e.getMessage();
        }
        return e.errors().stream().map(ToolProblems::describe).collect(Collectors.joining("; "));
    }

    private static String describe(FieldProblem problem) {
        return problem.field() + " " + problem.reason();
    }
}
