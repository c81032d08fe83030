package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.time.When;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the offline dialog knows about one call: the caller's goal, the slots filled so far
 * (treatment, when, who the patient is), what the tools returned (offers, the held slot, the
 * caller's appointments) and which question Sofia asked last, so the next answer is read in its
 * light. Copied for each answer ({@link #copy()}), so an answer that is thrown away (a preemptive
 * reply the caller talked over) leaves no trace in the state the next answer starts from.
 */
final class DialogState {

    /** What the caller wants done. */
    enum Goal {
        NONE,
        BOOK,
        RESCHEDULE,
        CANCEL
    }

    /** The question Sofia asked last: how the caller's next words are read. */
    enum Awaiting {
        INTENT,
        PHONE_PATIENT,
        IDENTITY,
        FIRST_NAME,
        NEW_PATIENT,
        REGISTRATION,
        /** A new patient's phone number, before they are registered (a web call has none). */
        REGISTRATION_PHONE,
        TREATMENT,
        WHEN,
        SLOT_CHOICE,
        BOOK_CONFIRM,
        APPOINTMENT_CHOICE,
        CANCEL_CONFIRM,
        /** Another treatment offered for one Sofia cannot book ("eine Beratung stattdessen?"). */
        ALTERNATIVE,
        /** A transfer failed: shall the team call back? */
        MESSAGE_OFFER,
        HELP_OFFER,
        EMERGENCY_TRANSFER,
        CALLBACK_NUMBER,
        ANYTHING_ELSE,
        ENDED
    }

    /** A slot find_free_slots returned. */
    record Offer(String slotId, LocalDate date, LocalTime time, String spoken, String doctor) {}

    /** An appointment find_my_appointments returned. */
    record Listed(
            String appointmentId, LocalDate date, LocalTime time, String spoken, String doctor, String treatment) {}

    String language = "de";
    Goal goal = Goal.NONE;
    Awaiting awaiting = Awaiting.INTENT;
    int misunderstood;

    // who the caller is
    @Nullable
    String firstName;

    @Nullable
    String lastName;

    @Nullable
    LocalDate birthDate;

    boolean identityTried;
    boolean notFound;
    boolean ambiguous;
    boolean patientKnown;
    boolean registering;
    /** The caller said they are new: not found means registered, without asking "Sind Sie neu?". */
    boolean saidNew;
    /** A new patient was asked for a phone number (asked once; no answer registers without). */
    boolean phoneAsked;
    /** Registered in this call: treatments for known patients only are not offered. */
    boolean newPatient;
    /** The patient the calling number belongs to, until the caller confirms it is them. */
    @Nullable
    String phonePatient;

    // what they want
    @Nullable
    String treatment;

    boolean emergency;

    @Nullable
    When when;

    @Nullable
    String doctor;

    /** The caller wants the earliest slot: it is proposed alone. */
    boolean earliest;

    /** The treatment offered instead of one that cannot be booked, while the caller decides. */
    @Nullable
    String alternative;

    /** When the caller wanted the treatment that cannot be booked: kept for the alternative. */
    @Nullable
    When pendingWhen;

    /** The booking tools refused the treatment for a new patient. */
    boolean notForNew;

    boolean searchNeeded;
    boolean searched;
    List<Offer> offers = new ArrayList<>();

    @Nullable
    Offer chosen;

    @Nullable
    String readBack;

    boolean held;
    boolean confirmed;
    /** Plain yeses to a list of offers: the first asks which of them, the second takes the first. */
    int bareYes;
    /** The caller turned the offers down: ask when instead. */
    boolean changeWanted;

    // their appointments (reschedule, cancel)
    @Nullable
    List<Listed> appointments;

    @Nullable
    Listed appointment;

    /** Which appointment the caller named before they were listed ("meinen Termin am Mittwoch"). */
    @Nullable
    When appointmentDay;

    @Nullable
    String appointmentTreatment;

    // a message for the team
    @Nullable
    String topic;

    @Nullable
    String callbackNumber;

    boolean messagePending;

    /** Sentences to say before the next question (e.g. "Danke, Herr Mustermann."). */
    List<String> preface = new ArrayList<>();

    DialogState copy() {
        DialogState c = new DialogState();
        c.language = language;
        c.goal = goal;
        c.awaiting = awaiting;
        c.misunderstood = misunderstood;
        c.firstName = firstName;
        c.lastName = lastName;
        c.birthDate = birthDate;
        c.identityTried = identityTried;
        c.notFound = notFound;
        c.ambiguous = ambiguous;
        c.patientKnown = patientKnown;
        c.registering = registering;
        c.saidNew = saidNew;
        c.phoneAsked = phoneAsked;
        c.newPatient = newPatient;
        c.earliest = earliest;
        c.alternative = alternative;
        c.pendingWhen = pendingWhen;
        c.notForNew = notForNew;
        c.bareYes = bareYes;
        c.appointmentDay = appointmentDay;
        c.appointmentTreatment = appointmentTreatment;
        c.phonePatient = phonePatient;
        c.treatment = treatment;
        c.emergency = emergency;
        c.when = when;
        c.doctor = doctor;
        c.searchNeeded = searchNeeded;
        c.searched = searched;
        c.offers = new ArrayList<>(offers);
        c.chosen = chosen;
        c.readBack = readBack;
        c.held = held;
        c.confirmed = confirmed;
        c.changeWanted = changeWanted;
        c.appointments = appointments == null ? null : List.copyOf(appointments);
        c.appointment = appointment;
        c.topic = topic;
        c.callbackNumber = callbackNumber;
        c.messagePending = messagePending;
        c.preface = new ArrayList<>(preface);
        return c;
    }

    /** Starts a new task, keeping who the caller is. */
    void startGoal(Goal newGoal) {
        goal = newGoal;
        treatment = null;
        emergency = false;
        when = null;
        doctor = null;
        clearSearch();
        appointments = null;
        appointment = null;
        appointmentDay = null;
        appointmentTreatment = null;
        earliest = false;
        alternative = null;
        pendingWhen = null;
        notForNew = false;
        misunderstood = 0;
    }

    /** Forgets the offers and the chosen slot (a new search follows). */
    void clearSearch() {
        searchNeeded = false;
        searched = false;
        offers = new ArrayList<>();
        chosen = null;
        readBack = null;
        held = false;
        confirmed = false;
        changeWanted = false;
        bareYes = 0;
    }

    /** Gives up on the task: the caller is offered a person or a message. */
    void offerHelp() {
        goal = Goal.NONE;
        awaiting = Awaiting.HELP_OFFER;
        clearSearch();
        misunderstood = 0;
    }

    /** The caller gave (part of) a name or birth date: the next identification is a new try. */
    void identityChanged() {
        identityTried = false;
        notFound = false;
        ambiguous = false;
    }

    boolean identityComplete() {
        return lastName != null && birthDate != null;
    }
}
