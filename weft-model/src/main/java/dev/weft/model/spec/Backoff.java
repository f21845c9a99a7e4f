package dev.weft.model.spec;

public record Backoff(String duration, String factor, String maxDuration, String cap) {}
