/**
 * The demo practice: a German practice with three dentists, a hygienist, typical appointment types,
 * some patients and a week of appointments, so a fresh install has something to look at and talk
 * to. Seeded once at start-up unless turned off; never in {@code prod} unless asked for.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {})
package dev.sofia.clinic.demo;
