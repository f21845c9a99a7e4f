package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;

public record RetryStrategy(
    String limit, String retryPolicy, Backoff backoff, JsonNode affinity, String expression) {}
