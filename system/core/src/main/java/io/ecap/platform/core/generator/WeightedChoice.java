package io.ecap.platform.core.generator;

import java.util.List;
import java.util.SplittableRandom;

/** Picks one of a fixed set of values with given relative weights. */
final class WeightedChoice<T> {

  private final List<T> values;
  private final double[] cumulative;

  WeightedChoice(List<T> values, double[] weights) {
    if (values.size() != weights.length || values.isEmpty()) {
      throw new IllegalArgumentException("one weight per value, at least one value");
    }
    this.values = List.copyOf(values);
    cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    for (int i = 0; i < weights.length; i++) {
      cumulative[i] /= sum;
    }
  }

  T sample(SplittableRandom random) {
    double u = random.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return values.get(i);
      }
    }
    return values.get(values.size() - 1);
  }
}
