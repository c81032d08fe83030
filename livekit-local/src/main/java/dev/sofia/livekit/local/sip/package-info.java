/**
 * A SIP carrier and caller on loopback, for tests and benchmarks of phone calls: SIPp runs a
 * scenario from {@code sipp/} against livekit-sip, {@link dev.sofia.livekit.local.sip.RtpListener}
 * is the caller's ear (G.711 RTP with sound in it), {@link dev.sofia.livekit.local.sip.SippInvites}
 * reads when each INVITE was sent, {@link dev.sofia.livekit.local.sip.CallerSpeech} is what the
 * caller says (espeak-ng as raw µ-law).
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.livekit.local.sip;
