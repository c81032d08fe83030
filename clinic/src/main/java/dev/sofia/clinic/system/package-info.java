/**
 * Cross-cutting plumbing every other module may use: the problem+json error model, request limits,
 * the start-up configuration check, the database (embedded or external), health and log redaction.
 * It knows nothing of the dental domain.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "System",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.sofia.clinic.system;
