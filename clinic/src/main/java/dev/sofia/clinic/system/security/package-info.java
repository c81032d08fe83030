/**
 * Who may use the staff console and the staff API: staff users (table {@code staff_users}, bcrypt
 * hashes), the first admin made from the environment, form login with a session or HTTP Basic for
 * scripts, CSRF for sessions, and which paths are public, staff or admin. Refusals are problem+json
 * (401, 403) for API requests and a redirect to {@code /login} for pages. See docs/security.md.
 */
@NullMarked
package dev.sofia.clinic.system.security;

import org.jspecify.annotations.NullMarked;
