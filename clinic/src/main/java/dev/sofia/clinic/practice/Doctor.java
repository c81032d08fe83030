package dev.sofia.clinic.practice;

/** Someone a patient can be booked with. */
public record Doctor(DoctorId id, String displayName, Role role, boolean active) {

    /** What the person does; hygienists perform cleanings, dentists everything else. */
    public enum Role {
        DENTIST,
        HYGIENIST
    }
}
