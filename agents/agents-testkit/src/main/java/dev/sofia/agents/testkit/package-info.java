/**
 * Fakes for testing agents without the cloud: scripted providers, fake provider servers that speak
 * the providers' real wire formats, and a text-mode conversation harness.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.testkit;
