/**
 * {@code sofia diagnose}: finds out what is wrong with a deployment without starting the app. It
 * reads the same configuration the app reads (application.yml and the environment), then runs
 * each check on its own with a short timeout — LiveKit reachability, keys, rooms, webhooks, the
 * agent worker, TURN, the database, provider keys, SIP — and prints one table with a fix hint per
 * failure. Nothing here is a Spring bean: the app's context is never started, so a broken
 * configuration or a database that is down is reported instead of stopping the tool.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Diagnose",
        allowedDependencies = {"livekit", "system"})
package dev.sofia.clinic.diagnose;
