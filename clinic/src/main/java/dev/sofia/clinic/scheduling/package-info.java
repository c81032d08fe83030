/**
 * The calendar: shifts, breaks, date overrides and blockouts; free slots; holds; booking,
 * rescheduling, cancelling and confirming appointments. The database forbids overlapping
 * appointments per doctor and per chair, so no race can double-book.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Scheduling",
        allowedDependencies = {"practice", "patients", "system"})
package dev.sofia.clinic.scheduling;
