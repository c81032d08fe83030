/**
 * The Sofia receptionist: the dental agent (persona, instructions, languages), its tools over the
 * practice's calendar and patients, the offline dialog engine, the providers chosen by
 * configuration, and the agent worker that runs it for every call dispatched as {@code sofia}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Receptionist",
        allowedDependencies = {"practice", "patients", "scheduling", "calls", "telephony", "livekit", "system"})
package dev.sofia.clinic.receptionist;
