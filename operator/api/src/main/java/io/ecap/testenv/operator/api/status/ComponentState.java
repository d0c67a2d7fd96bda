package io.ecap.testenv.operator.api.status;

/** Readiness of one component of the environment. */
public enum ComponentState {
  Pending, Progressing, Ready, Failed
}
