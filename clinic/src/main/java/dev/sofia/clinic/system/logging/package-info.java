/**
 * Logging plumbing: one JSON object per console line by default (or readable text for development),
 * a request id in every line of a request, and redaction of secrets and phone numbers in every
 * line whatever the format.
 */
package dev.sofia.clinic.system.logging;
