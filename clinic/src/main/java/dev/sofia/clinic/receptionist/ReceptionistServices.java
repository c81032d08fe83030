package dev.sofia.clinic.receptionist;

import dev.sofia.clinic.calls.CallMessages;
import dev.sofia.clinic.calls.CallRecords;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.AppointmentLifecycle;
import dev.sofia.clinic.scheduling.Appointments;
import dev.sofia.clinic.scheduling.Availability;
import dev.sofia.clinic.scheduling.Booking;
import dev.sofia.clinic.scheduling.Holds;
import dev.sofia.clinic.telephony.CallControl;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The practice's services a call's tools work with, in one place: each call builds its tools from
 * this and its own {@link ReceptionistCall}. Everything runs in-process against the database.
 */
@Component
public record ReceptionistServices(
        PracticeCatalog catalog,
        Availability availability,
        Holds holds,
        Booking booking,
        Appointments appointments,
        AppointmentLifecycle lifecycle,
        Patients patients,
        CallRecords records,
        CallMessages messages,
        CallControl callControl,
        ReceptionistTexts texts,
        Clock clock) {}
