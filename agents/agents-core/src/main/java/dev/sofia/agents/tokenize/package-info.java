/** Text helpers for speech: splitting streamed text into sentences for TTS. */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.tokenize;
