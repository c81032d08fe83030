package dev.sofia.clinic.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.calls.CallSession;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A phone caller recognised by their number: only when exactly one patient has it. */
class CallerRecognitionIntegrationTests extends ReceptionistTestBase {

    @Autowired
    CallerRecognition recognition;

    @Test
    void theNumberOfOnePatientNamesThatPatientAndSofiaIsToldToConfirmIt() {
        ReceptionistCall call = phoneCall("+4915112345678");

        recognition.recognise(call);

        assertThat(call.patient())
                .hasValueSatisfying(p -> assertThat(p.lastName()).isEqualTo("Mustermann"));
        assertThat(callSessions
                        .find(call.callSessionId().orElseThrow())
                        .orElseThrow()
                        .patientId())
                .isEqualTo(call.patient().orElseThrow().id().value());
        assertThat(receptionist.instructions(call))
                .contains("The calling number belongs to the patient Max Mustermann")
                .contains("Ask whether the appointment is for them");
    }

    @Test
    void anUnknownOrSharedNumberNamesNoOne() {
        // a second patient on Max Mustermann's number: a family phone
        jdbc().sql("""
                        insert into patients (id, first_name, last_name, date_of_birth, phone)
                        values (?, 'Maria', 'Mustermann', '1982-03-01', '+4915112345678')
                        """).param(UUID.randomUUID()).update();
        ReceptionistCall shared = phoneCall("+4915112345678");
        ReceptionistCall unknown = phoneCall("+4917099999999");

        recognition.recognise(shared);
        recognition.recognise(unknown);

        assertThat(shared.patient()).isEmpty();
        assertThat(unknown.patient()).isEmpty();
        assertThat(receptionist.instructions(unknown)).contains("The caller is not identified yet.");
    }

    private ReceptionistCall phoneCall(String number) {
        String room = "call-" + UUID.randomUUID();
        CallSession session = callSessions.openWebSession(room, null, "sip_test", "de", null);
        return new ReceptionistCall(session.id(), room, ReceptionistCall.Channel.PHONE, number, "de");
    }
}
