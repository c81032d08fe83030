package dev.sofia.clinic.system;

/** One rejected input: the field as the client named it (JSON path or parameter) and why. */
public record FieldProblem(String field, String reason) {}
