package dev.sofia.clinic.patients;

import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Patients over HTTP: register, read, update, and look up by phone or by name and date of birth. */
@RestController
@RequestMapping("/api/patients")
@Tag(name = "Patients")
class PatientController {

    private final Patients patients;

    PatientController(Patients patients) {
        this.patients = patients;
    }

    @PostMapping
    @Operation(summary = "Register a patient")
    ResponseEntity<Patient> register(@Valid @RequestBody PatientBody body) {
        Patient patient = patients.register(body.toNewPatient());
        return ResponseEntity.created(URI.create("/api/patients/" + patient.id()))
                .body(patient);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One patient")
    Patient get(@PathVariable UUID id) {
        return patients.find(new PatientId(id)).orElseThrow(() -> new NotFoundException("patient", id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a patient's data")
    Patient update(@PathVariable UUID id, @Valid @RequestBody PatientBody body) {
        return patients.update(new PatientId(id), body.toNewPatient());
    }

    @GetMapping
    @Operation(summary = "Find patients by phone, or by last name and date of birth (optionally first name)")
    List<Patient> search(
            @RequestParam(required = false) @Size(max = 40) String phone,
            @RequestParam(required = false) @Size(max = 100) String lastName,
            @RequestParam(required = false) @Size(max = 100) String firstName,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth) {
        if (phone != null) {
            return patients.findByPhone(phone);
        }
        if (lastName != null && dateOfBirth != null) {
            return patients.findByNameAndBirthDate(lastName, firstName, dateOfBirth);
        }
        throw new InvalidInputException("phone", "give phone, or lastName and dateOfBirth");
    }

    record PatientBody(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull LocalDate dateOfBirth,
            @Size(max = 40) String phone,
            @Size(max = 254) String email,
            String preferredLanguage,
            Patient.Insurance insurance,
            Patient.Consent consent,
            @Size(max = 4000) String notes) {

        NewPatient toNewPatient() {
            return new NewPatient(
                    firstName, lastName, dateOfBirth, phone, email, preferredLanguage, insurance, consent, notes);
        }
    }
}
