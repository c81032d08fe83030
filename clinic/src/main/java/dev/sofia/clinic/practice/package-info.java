/**
 * The practice itself: name, address, time zone, opening hours, languages, transfer numbers, the
 * doctors and hygienists, the chairs, and the appointment types with who performs them. Other
 * modules read it through {@link dev.sofia.clinic.practice.PracticeCatalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Practice", allowedDependencies = "system")
package dev.sofia.clinic.practice;
