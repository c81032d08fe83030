/**
 * Tools the model may call: {@link dev.sofia.agents.tools.Tool}-annotated Java methods become
 * {@link dev.sofia.agents.tools.FunctionTool}s with a JSON schema generated from their parameters
 * (records, enums, java.time, lists), and {@link dev.sofia.agents.tools.Tools#invoke} runs a call
 * with untrusted arguments, turning every failure into a message the model can read.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.tools;
