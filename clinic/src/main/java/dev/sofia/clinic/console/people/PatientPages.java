package dev.sofia.clinic.console.people;

import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.system.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Patients: search, the record, editing it and registering a new one. Changes go through {@link
 * Patients}, exactly as {@code /api/patients} does, so a form is refused for the same reasons (with
 * 422 and the form as it was typed) and a refused form changes nothing.
 */
@Controller
@RequestMapping("/console/patients")
class PatientPages {

    static final int MAX_RESULTS = 50;
    static final int UNPROCESSABLE = 422;
    private static final int MAX_QUERY = 100;

    private final Patients patients;
    private final PatientRecord record;
    private final PeopleFormat format;
    private final PeopleTexts texts;

    PatientPages(Patients patients, PatientRecord record, PeopleFormat format, PeopleTexts texts) {
        this.patients = patients;
        this.record = record;
        this.format = format;
        this.texts = texts;
    }

    /** The search; htmx's search-as-you-type asks for the result table alone ({@code HX-Target}). */
    @GetMapping
    String search(
            @RequestParam(required = false) @Nullable String q,
            @RequestHeader(name = "HX-Target", required = false) @Nullable String target,
            Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        List<Patient> found = patients.search(query, MAX_RESULTS + 1);
        model.addAttribute("q", query);
        model.addAttribute("patients", found.stream().limit(MAX_RESULTS).toList());
        model.addAttribute("more", found.size() > MAX_RESULTS);
        model.addAttribute("format", format);
        return "patient-results".equals(target) ? "console/people/patients :: results" : "console/people/patients";
    }

    @GetMapping("/new")
    String newPatient(Model model) {
        return form(model, null, PatientForm.empty(), Map.of());
    }

    @PostMapping
    String register(
            @ModelAttribute PatientForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            Patient patient = checked(form, () -> patients.register(form.toNewPatient()));
            flash.addFlashAttribute("notice", texts.get("people.patient.registered", CallRows.name(patient)));
            return "redirect:/console/patients/" + patient.id();
        } catch (FormRejected rejected) {
            response.setStatus(UNPROCESSABLE);
            return form(model, null, form, rejected.errors);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        Patient patient = find(id);
        model.addAttribute("patient", patient);
        model.addAttribute("birthDate", format.date(patient.dateOfBirth()));
        model.addAttribute("upcoming", record.upcoming(patient));
        model.addAttribute("past", record.past(patient));
        model.addAttribute("calls", record.calls(patient));
        model.addAttribute("messages", record.messages(patient));
        return "console/people/patient";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        Patient patient = find(id);
        return form(model, patient, PatientForm.of(patient), Map.of());
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String id,
            @ModelAttribute PatientForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Patient existing = find(id);
        try {
            Patient saved = checked(form, () -> patients.update(existing.id(), form.toNewPatient()));
            flash.addFlashAttribute("notice", texts.get("people.patient.saved", CallRows.name(saved)));
            return "redirect:/console/patients/" + saved.id();
        } catch (FormRejected rejected) {
            response.setStatus(UNPROCESSABLE);
            return form(model, existing, form, rejected.errors);
        }
    }

    private Patient find(String id) {
        UUID uuid = PageNotFound.id(id);
        return PageNotFound.orNotFound(patients.find(new PatientId(uuid)));
    }

    private String form(Model model, @Nullable Patient patient, PatientForm form, Map<String, String> errors) {
        model.addAttribute("patient", patient);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "console/people/patient-form";
    }

    /** Runs the service call; its field problems (or an insurance no form offers) become {@link FormRejected}. */
    private static Patient checked(PatientForm form, java.util.function.Supplier<Patient> save) {
        if (!form.insuranceValid()) {
            throw new FormRejected(Map.of("insurance", "people.patient.invalid.insurance"));
        }
        try {
            return save.get();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.errors().forEach(p -> errors.putIfAbsent(p.field(), "people.patient.invalid." + p.field()));
            throw new FormRejected(errors);
        }
    }

    /** The form's field errors, as message keys by field name. */
    private static final class FormRejected extends RuntimeException {
        final Map<String, String> errors;

        FormRejected(Map<String, String> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }
}
