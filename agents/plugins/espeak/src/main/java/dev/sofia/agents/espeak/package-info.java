/**
 * Offline text-to-speech through Debian's espeak-ng: {@link dev.sofia.agents.espeak.EspeakTts}
 * runs one {@code espeak-ng} child process per text, reads its WAV output as it is written and
 * converts it to the configured rate; {@link dev.sofia.agents.espeak.EspeakTtsOptions} picks the
 * voice per language, speed, pitch and binary.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.espeak;
