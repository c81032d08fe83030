/**
 * The start-up configuration check: validates the environment variables before anything starts and
 * refuses to start with one message that lists every problem, never echoing a secret.
 */
@NullMarked
package dev.sofia.clinic.system.config;

import org.jspecify.annotations.NullMarked;
