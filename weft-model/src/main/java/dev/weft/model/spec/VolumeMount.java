package dev.weft.model.spec;

public record VolumeMount(
    String name,
    String mountPath,
    Boolean readOnly,
    String subPath,
    String subPathExpr,
    String mountPropagation,
    String recursiveReadOnly) {}
