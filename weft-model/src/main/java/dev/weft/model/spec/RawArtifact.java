package dev.weft.model.spec;

public record RawArtifact(String data) {}
