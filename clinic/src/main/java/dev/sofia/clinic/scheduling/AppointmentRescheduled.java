package dev.sofia.clinic.scheduling;

/** Published when an appointment was moved: the old one is cancelled, the new one booked. */
public record AppointmentRescheduled(AppointmentId from, AppointmentId to) {}
