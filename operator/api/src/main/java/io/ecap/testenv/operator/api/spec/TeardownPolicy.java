package io.ecap.testenv.operator.api.spec;

/** When the environment of a finished run is deleted. */
public enum TeardownPolicy {
  /** Always delete the environment when the run finishes. */
  Always,
  /** Delete it only when the run succeeded; a failed run's environment is kept for inspection. */
  OnSuccess,
  /** Never delete it; the user deletes the run (the finalizer then removes the environment). */
  Never
}
