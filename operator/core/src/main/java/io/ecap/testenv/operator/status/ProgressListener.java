package io.ecap.testenv.operator.status;

import java.time.Duration;

/** Told about what the status records once: components becoming ready, phases ending (the metrics listen). */
public interface ProgressListener {

  void componentReady(String component, Duration sinceStart);

  void phaseEnded(String phase, Duration took);

  ProgressListener NONE = new ProgressListener() {
    @Override
    public void componentReady(String component, Duration sinceStart) {
    }

    @Override
    public void phaseEnded(String phase, Duration took) {
    }
  };
}
