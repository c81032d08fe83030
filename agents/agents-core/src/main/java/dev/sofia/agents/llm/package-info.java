/**
 * Chat models: the {@link dev.sofia.agents.llm.Llm} template and its {@link
 * dev.sofia.agents.llm.LlmStream} of {@link dev.sofia.agents.llm.ChatChunk}s, the {@link
 * dev.sofia.agents.llm.ChatContext} with its items, and what a request carries.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.llm;
