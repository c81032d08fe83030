package dev.sofia.agents.livekit.data;

/**
 * A DTMF tone from a SIP participant (a caller pressing a key).
 *
 * @param senderIdentity the SIP participant's identity
 * @param code the DTMF event code (0–9, 10 = *, 11 = #, 12–15 = A–D)
 * @param digit the key as text ("0"–"9", "*", "#", "A"–"D")
 */
public record DtmfReceived(String senderIdentity, int code, String digit) {}
