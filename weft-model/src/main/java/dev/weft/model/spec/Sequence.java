package dev.weft.model.spec;

/** withSequence: numbers as strings because they may hold {{...}} tags. */
public record Sequence(String count, String start, String end, String format) {}
