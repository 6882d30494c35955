package io.netflixlakehouse.benchmark.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * An empirical distribution: every observation is kept once per occurrence, so a uniform pick reproduces the
 * observed frequencies.
 */
final class EmpiricalPool<T> {

  private final Object[] observations;

  private EmpiricalPool(List<T> observations) {
    this.observations = observations.toArray();
  }

  static <T> EmpiricalPool<T> of(String name, List<T> observations) {
    if (observations.isEmpty()) {
      throw new GeneratorException(GeneratorException.Reason.SOURCE_EMPTY, "no values observed for " + name);
    }
    return new EmpiricalPool<>(observations);
  }

  @SuppressWarnings("unchecked")
  T sample(SplittableRandom random) {
    return (T) observations[random.nextInt(observations.length)];
  }

  int size() {
    return observations.length;
  }

  /** Share of observations equal to {@code value}. */
  double share(T value) {
    long hits = 0;
    for (Object o : observations) {
      if (o.equals(value)) {
        hits++;
      }
    }
    return (double) hits / observations.length;
  }
}
