package dev.sofia.clinic.practice;

/** A treatment room or chair that some appointment types need. */
public record Chair(ChairId id, String name, boolean active) {}
