package dev.weft.model.spec;

public record SuspendTemplate(String duration) {}
