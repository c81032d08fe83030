package dev.sofia.clinic.receptionist;

import dev.sofia.clinic.patients.Patient;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who a phone caller probably is: the patient whose number is calling, if exactly one patient has
 * it (a number shared by a family identifies no one). Sofia still confirms it ("Spreche ich mit
 * …?"), as a phone may be answered by someone else; the call session gets the patient at once.
 */
@Component
public class CallerRecognition {

    private final ReceptionistServices services;

    CallerRecognition(ReceptionistServices services) {
        this.services = services;
    }

    public void recognise(ReceptionistCall call) {
        call.callerNumber().ifPresent(number -> {
            List<Patient> patients = services.patients().findByPhone(number);
            if (patients.size() == 1) {
                Patient patient = patients.getFirst();
                call.patient(patient);
                call.callSessionId()
                        .ifPresent(id -> services.records()
                                .recordPatient(id, patient.id().value()));
            }
        });
    }
}
