package dev.weft.model.spec;

/** A key of a ConfigMap or Secret. */
public record KeyRef(String name, String key, Boolean optional) {}
