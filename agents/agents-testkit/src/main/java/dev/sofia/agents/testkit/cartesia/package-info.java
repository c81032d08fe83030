/**
 * A local fake of Cartesia's {@code /tts/websocket} that speaks Cartesia's real messages, records
 * what it received and sent, and fails on request: {@link
 * dev.sofia.agents.testkit.cartesia.FakeCartesiaServer}.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.testkit.cartesia;
