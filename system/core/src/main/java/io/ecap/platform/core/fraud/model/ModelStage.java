package io.ecap.platform.core.fraud.model;

/** Registry stages: a new version starts in STAGING; one PRODUCTION version per model; the replaced one is ARCHIVED. */
public enum ModelStage {
  STAGING, PRODUCTION, ARCHIVED
}
