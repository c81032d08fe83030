package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.scheduling.SlotView;
import dev.sofia.clinic.system.ConflictException;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.ProblemException;
import dev.sofia.clinic.system.UnknownReferenceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a submitted calendar form, in the page's language: a message per form field
 * (patient, type, doctor, date, time, notes, reason) and messages about the form as a whole. The
 * scheduling services' refusals (the same ones the API answers with) are translated here, field
 * by field; a taken slot also brings the free alternatives the service found.
 */
final class FormErrors {

    private static final List<String> ORDER = List.of("patient", "type", "doctor", "date", "time", "notes", "reason");

    private final Texts texts;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();
    private final List<SlotView> alternatives = new ArrayList<>();

    FormErrors(Texts texts) {
        this.texts = texts;
    }

    FormErrors field(String field, String key, Object... args) {
        fields.putIfAbsent(field, texts.get(key, args));
        return this;
    }

    FormErrors general(String key, Object... args) {
        general.add(texts.get(key, args));
        return this;
    }

    public boolean any() {
        return !fields.isEmpty() || !general.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The message for {@code field}, or null; templates call this. */
    public String get(String field) {
        return fields.get(field);
    }

    /** The field messages in the order the fields appear on the forms. */
    public Map<String, String> getFields() {
        Map<String, String> ordered = new LinkedHashMap<>();
        ORDER.stream().filter(fields::containsKey).forEach(f -> ordered.put(f, fields.get(f)));
        fields.forEach(ordered::putIfAbsent);
        return ordered;
    }

    public List<String> getGeneral() {
        return general;
    }

    List<SlotView> alternatives() {
        return alternatives;
    }

    /**
     * Adds what a scheduling service's refusal says; {@code type} (may be null) fills in the
     * notice and horizon of the appointment type in the messages.
     */
    FormErrors from(ProblemException e, AppointmentType type) {
        String slug = slug(e);
        if (e instanceof ConflictException conflict) {
            Map<String, Object> extensions = conflict.extensions();
            switch (slug) {
                case "slot-unavailable" -> {
                    String reason = String.valueOf(extensions.get("reason"));
                    field(
                            "time",
                            switch (reason) {
                                case "taken" -> "calendar.error.slot.taken";
                                case "no_chair" -> "calendar.error.slot.noChair";
                                default -> "calendar.error.slot.outside";
                            });
                    if (extensions.get("alternatives") instanceof List<?> list) {
                        list.stream()
                                .filter(SlotView.class::isInstance)
                                .map(SlotView.class::cast)
                                .forEach(alternatives::add);
                    }
                }
                case "illegal-transition" ->
                    general(
                            "calendar.error.notActive",
                            texts.get("calendar.status."
                                    + String.valueOf(extensions.getOrDefault("currentStatus", "cancelled"))
                                            .replace('_', '-')));
                case "concurrent-change" -> general("calendar.error.changed");
                default -> general("calendar.error.other", e.getMessage());
            }
            return this;
        }
        if (e instanceof UnknownReferenceException) {
            for (FieldProblem p : e.errors()) {
                String field = formField(p.field());
                field(field, "calendar.error.unknown." + field);
            }
            return this;
        }
        if (e.errors().isEmpty()) {
            general("calendar.error.other", e.getMessage());
        }
        for (FieldProblem p : e.errors()) {
            fieldProblem(p, type);
        }
        return this;
    }

    private void fieldProblem(FieldProblem p, AppointmentType type) {
        String reason = p.reason() == null ? "" : p.reason();
        switch (p.field()) {
            case "start" -> {
                if (reason.contains("in the past")) {
                    field("time", "calendar.error.start.past");
                } else if (reason.contains("too soon")) {
                    field(
                            "time",
                            "calendar.error.start.tooSoon",
                            type == null ? "?" : type.minimumNotice().toMinutes());
                } else if (reason.contains("horizon")) {
                    field("date", "calendar.error.start.horizon", type == null ? "?" : type.horizonDays());
                } else {
                    fields.putIfAbsent("time", reason);
                }
            }
            case "from", "to" -> {
                if (reason.contains("horizon")) {
                    field("date", "calendar.error.start.horizon", type == null ? "?" : type.horizonDays());
                } else {
                    fields.putIfAbsent("date", reason);
                }
            }
            case "typeId" -> {
                if (reason.contains("no longer offered")) {
                    field("type", "calendar.error.type.inactive");
                } else if (reason.contains("existing patients")) {
                    field("type", "calendar.error.type.existingOnly");
                } else {
                    fields.putIfAbsent("type", reason);
                }
            }
            case "doctorId" -> field("doctor", "calendar.error.doctor.notForType");
            case "notes" -> field("notes", "calendar.error.notes.tooLong");
            case "reason" -> field("reason", "calendar.error.reason.tooLong");
            case "Idempotency-Key" -> general("calendar.error.resubmitted");
            default -> general("calendar.error.other", p.field() + ": " + reason);
        }
    }

    private static String formField(String apiField) {
        return switch (apiField) {
            case "patientId" -> "patient";
            case "typeId" -> "type";
            case "doctorId" -> "doctor";
            case "start" -> "time";
            default -> apiField;
        };
    }

    private static String slug(ProblemException e) {
        String path = e.type().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
