package dev.weft.model.spec;

public record LifecycleHook(
    String template, Arguments arguments, TemplateRef templateRef, String expression) {}
