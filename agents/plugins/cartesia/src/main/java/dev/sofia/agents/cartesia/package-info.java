/**
 * Cartesia text-to-speech over its own WebSocket protocol (the JDK's client, no vendor SDK): {@link
 * dev.sofia.agents.cartesia.CartesiaTts} streams text in as it is generated and delivers raw PCM
 * segment by segment, configured by {@link dev.sofia.agents.cartesia.CartesiaTtsOptions}.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.cartesia;
