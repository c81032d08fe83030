package dev.sofia.clinic.practice;

import java.time.Duration;
import java.util.Set;

/**
 * A kind of appointment. {@code buffer} is time after the appointment in which the doctor (and the
 * chair) stays busy, for example to clean up. {@code chairs} empty means no chair is needed.
 */
public record AppointmentType(
        AppointmentTypeId id,
        String code,
        LocalizedName name,
        Duration duration,
        Duration buffer,
        boolean newPatientsAllowed,
        boolean emergency,
        Duration minimumNotice,
        int horizonDays,
        Set<DoctorId> doctors,
        Set<ChairId> chairs,
        boolean active) {

    public AppointmentType {
        doctors = Set.copyOf(doctors);
        chairs = Set.copyOf(chairs);
    }

    /** Time the doctor is occupied: the appointment itself plus the buffer after it. */
    public Duration occupancy() {
        return duration.plus(buffer);
    }

    public boolean performedBy(DoctorId doctor) {
        return doctors.contains(doctor);
    }

    /** Names in the practice's languages. */
    public record LocalizedName(String de, String en, String ru) {
        public String in(String language) {
            return switch (language) {
                case "en" -> en;
                case "ru" -> ru;
                default -> de;
            };
        }
    }
}
