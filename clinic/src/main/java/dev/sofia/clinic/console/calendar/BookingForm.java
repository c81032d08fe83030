package dev.sofia.clinic.console.calendar;

/**
 * The booking form's fields as sent (all text, so whatever was typed can be shown back with its
 * error). {@code key} makes a double submit book once (the booking's idempotency key);
 * {@code calView}/{@code calDoctor} are the calendar page to return to ({@link CalendarState}).
 */
public record BookingForm(
        String patientId,
        String typeId,
        String doctorId,
        String date,
        String time,
        String notes,
        String key,
        String calView,
        String calDoctor) {

    public BookingForm {
        patientId = trim(patientId);
        typeId = trim(typeId);
        doctorId = trim(doctorId);
        date = trim(date);
        time = trim(time);
        notes = notes == null ? "" : notes;
        key = trim(key);
        calView = trim(calView);
        calDoctor = trim(calDoctor);
    }

    BookingForm withSlot(String doctor, String newDate, String newTime) {
        return new BookingForm(patientId, typeId, doctor, newDate, newTime, notes, key, calView, calDoctor);
    }

    BookingForm withKey(String newKey) {
        return new BookingForm(patientId, typeId, doctorId, date, time, notes, newKey, calView, calDoctor);
    }

    CalendarState state() {
        return CalendarState.of(calView, calDoctor);
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
