/**
 * A local fake of Deepgram's {@code /v1/listen} (streaming WebSocket and pre-recorded POST) that
 * speaks Deepgram's real messages, records what it received and fails on request: {@link
 * dev.sofia.agents.testkit.deepgram.FakeDeepgramServer}.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.testkit.deepgram;
