package dev.sofia.clinic.receptionist.offline;

import dev.sofia.agents.llm.FunctionCallOutput;
import dev.sofia.clinic.receptionist.offline.DialogState.Awaiting;
import dev.sofia.clinic.receptionist.offline.DialogState.Goal;
import dev.sofia.clinic.receptionist.offline.DialogState.Listed;
import dev.sofia.clinic.receptionist.offline.DialogState.Offer;
import dev.sofia.clinic.receptionist.tools.ToolProblems;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the tools answered into the dialog state: the patient found (or not), the slots
 * found, the held slot's read-back, the booking. Errors are branched on by their code
 * ({@code patient-not-found}, {@code slot-unavailable}, …) as {@link ToolProblems} writes them; an
 * error it has no plan for ends the task with the offer of a person or a message.
 */
final class ToolResults {

    /** Offers read out per search: few enough to remember on the phone. */
    static final int OFFERED = 3;

    private ToolResults() {}

    /** @return whether the output needs an answer (set_language and end_call need none) */
    static boolean absorb(DialogState s, FunctionCallOutput output, LocalDate today) {
        String l = s.language;
        if (output.isError()) {
            return failed(s, output.name(), ToolProblems.codeOf(output.output()));
        }
        JsonNode json = JsonMapper.shared().readTree(output.output());
        switch (output.name()) {
            case "identify_patient" -> {
                s.identityTried = true;
                s.patientKnown = true;
                s.preface.add(Replies.found(l));
            }
            case "register_patient" -> {
                s.patientKnown = true;
                s.registering = false;
                s.newPatient = json.path("newPatient").asBoolean(true);
                s.preface.add(Replies.registered(l));
            }
            case "find_free_slots" -> slots(s, json, today);
            case "hold_slot" -> {
                s.held = true;
                s.readBack = json.path("readBack").asString();
            }
            case "book_appointment", "reschedule_appointment", "cancel_appointment" -> {
                JsonNode a = json.path("appointment");
                s.preface.add(Replies.done(
                        l,
                        json.path("result").asString(),
                        a.path("spoken").asString(),
                        a.path("doctor").asString()));
                s.startGoal(Goal.NONE);
                s.awaiting = Awaiting.ANYTHING_ELSE;
            }
            case "find_my_appointments" -> {
                List<Listed> listed = new ArrayList<>();
                for (JsonNode a : json.path("appointments")) {
                    listed.add(new Listed(
                            a.path("appointmentId").asString(),
                            LocalDate.parse(a.path("date").asString()),
                            LocalTime.parse(a.path("time").asString()),
                            a.path("spoken").asString(),
                            a.path("doctor").asString(),
                            a.path("treatment").asString()));
                }
                s.appointments = listed;
            }
            case "practice_info" -> {
                s.preface.add(Replies.info(
                        l, json.path("result").asString(), json.path("text").asString()));
                if (s.goal == Goal.NONE) {
                    s.awaiting = Awaiting.ANYTHING_ELSE;
                }
            }
            case "take_message" -> {
                s.preface.add(TeamReplies.messageTaken(l));
                s.startGoal(Goal.NONE);
                s.awaiting = Awaiting.ANYTHING_ELSE;
            }
            case "transfer_to_staff" -> {
                if (json.path("result").asString().equals("transferred")) {
                    s.awaiting = Awaiting.ENDED; // the caller is with the team now
                    return false;
                }
                s.preface.add(TeamReplies.handedOver(l));
                s.startGoal(Goal.NONE);
                s.awaiting = Awaiting.ANYTHING_ELSE;
            }
            case "end_call" -> {
                s.awaiting = Awaiting.ENDED;
                return false;
            }
            default -> {
                return false; // set_language
            }
        }
        return true;
    }

    private static void slots(DialogState s, JsonNode json, LocalDate today) {
        List<Offer> offers = new ArrayList<>();
        for (JsonNode slot : json.path("slots")) {
            Offer offer = new Offer(
                    slot.path("slotId").asString(),
                    LocalDate.parse(slot.path("date").asString()),
                    LocalTime.parse(slot.path("time").asString()),
                    slot.path("spoken").asString(),
                    slot.path("doctor").asString());
            // an emergency is seen today or tomorrow, or handed to the emergency line
            if (offers.size() < OFFERED && (!s.emergency || !offer.date().isAfter(today.plusDays(1)))) {
                offers.add(offer);
            }
        }
        s.offers = offers;
        s.searched = true;
        s.searchNeeded = false;
        s.chosen = null;
        s.held = false;
        s.confirmed = false;
        boolean elsewhere = !json.path("note").isNull() && !json.path("note").isMissingNode();
        if (elsewhere && !offers.isEmpty() && !s.emergency) {
            s.preface.add(Replies.nothingInRange(s.language));
        }
    }

    private static boolean failed(DialogState s, String tool, String code) {
        String l = s.language;
        switch (tool) {
            case "identify_patient" -> {
                s.identityTried = true;
                if (code.equals("patient-not-found")) {
                    s.notFound = true;
                    if (!s.saidNew) {
                        s.preface.add(Replies.notFound(l));
                    }
                } else if (code.equals("ambiguous-patient")) {
                    s.ambiguous = true;
                } else {
                    s.birthDate = null; // most likely a date of birth the tool could not take
                    s.identityChanged();
                    s.preface.add(Replies.notUnderstood(l));
                }
                return true;
            }
            case "hold_slot", "book_appointment", "reschedule_appointment" -> {
                if (code.startsWith("slot") || code.equals("unknown-slot")) {
                    s.preface.add(Replies.slotTaken(l));
                    s.clearSearch();
                    s.searchNeeded = true;
                    return true;
                }
            }
            case "find_free_slots" -> {
                if (code.equals("existing-patients-only")) {
                    s.notForNew = true; // the planner offers the first check-up instead
                    s.clearSearch();
                    return true;
                }
            }
            case "transfer_to_staff" -> {
                // no line configured, or the team cannot be reached: a call-back instead
                s.preface.add(TeamReplies.failedTransfer(l));
                boolean emergency = s.emergency; // still what the call-back is about
                s.startGoal(Goal.NONE);
                s.emergency = emergency;
                s.awaiting = Awaiting.MESSAGE_OFFER;
                return true;
            }
            case "set_language", "end_call" -> {
                return false;
            }
            default -> {}
        }
        s.preface.add(Replies.failed(l));
        s.offerHelp();
        return true;
    }
}
