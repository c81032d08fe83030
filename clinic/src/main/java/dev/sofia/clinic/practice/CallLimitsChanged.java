package dev.sofia.clinic.practice;

/**
 * Published in the transaction that changed the practice's call limits; the telephony module
 * re-syncs LiveKit's inbound trunks after the commit, as their maximum call duration follows them.
 */
public record CallLimitsChanged(CallLimits limits) {}
