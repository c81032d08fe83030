package dev.sofia.agents.tools;

/**
 * A tool could not do what was asked, for a reason the model may read and act on ("that slot is
 * taken", "no patient with that date of birth"). Not logged as an error: it is part of the dialog.
 */
public class ToolError extends RuntimeException {

    public ToolError(String message) {
        super(message, null, false, false);
    }
}
