package io.ecap.platform.services.cache;

/** A JSON body (null when the entity does not exist) and how it was served. */
public record CachedValue(String json, CacheOutcome outcome) {
}
