/**
 * A fake OpenAI server for tests: {@link dev.sofia.agents.testkit.openai.FakeOpenAiServer} speaks
 * the real wire format of chat completions (streamed as server-sent events, tool calls included),
 * audio transcriptions and speech, answers from a script, with configurable latencies and injected
 * failures, and records every request it received.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.testkit.openai;
