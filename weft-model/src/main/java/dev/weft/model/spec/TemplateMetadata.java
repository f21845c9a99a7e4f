package dev.weft.model.spec;

import java.util.Map;

public record TemplateMetadata(Map<String, String> annotations, Map<String, String> labels) {}
