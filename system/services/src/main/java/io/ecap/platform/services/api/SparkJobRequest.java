package io.ecap.platform.services.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of POST /api/v1/admin/spark-jobs. {@code args} stays a JSON tree so that each element can be checked to be a
 * string and a bad one named ({@code args[1]}); {@code lake} is a scratch lake's name, or null for the main lake.
 */
public record SparkJobRequest(String job, JsonNode args, String lake) {
}
