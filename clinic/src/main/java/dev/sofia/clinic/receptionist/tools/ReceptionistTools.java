package dev.sofia.clinic.receptionist.tools;

import dev.sofia.agents.tools.FunctionTool;
import dev.sofia.agents.tools.Tools;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import java.util.List;

/** Every tool of one call, sharing that call's state. */
public final class ReceptionistTools {

    private ReceptionistTools() {}

    public static List<FunctionTool> forCall(ReceptionistServices services, ReceptionistCall call) {
        return Tools.from(
                new PatientTools(services, call),
                new SchedulingTools(services, call),
                new PracticeTools(services, call),
                new CallTools(services, call));
    }
}
