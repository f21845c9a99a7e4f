package dev.weft.model.spec;

/**
 * Argo's {@code Event}: an expr-lang expression over {@code payload}, {@code metadata}, {@code
 * discriminator} and {@code namespace} that must return a bool. YAML's unquoted {@code true} is
 * read as the text "true", as Argo's schema makes it a string.
 */
public record EventSelector(String selector) {}
