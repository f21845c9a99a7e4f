package dev.weft.model.codec;

/** A value decoded from a document, with the index that says where its fields were written. */
public record Located<T>(T value, LocationIndex locations) {}
