/**
 * The staff console: server-rendered pages (Thymeleaf, with htmx for the parts that update in
 * place) for the practice's front desk and its admins. One sub-package per area: {@code calendar},
 * {@code patients}, {@code calls} (log and live), {@code messages}, and the admin-only {@code
 * admin} (settings, telephony, staff users). Pages read and change data only through the other
 * modules' services, the same ones the REST API uses, so the rules are the same for both.
 * docs/console.md says why server-rendered and how the pages are laid out.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Console",
        allowedDependencies = {"practice", "patients", "scheduling", "calls", "telephony", "receptionist", "system"})
package dev.sofia.clinic.console;
