package io.netflixlakehouse.benchmark.generator;

/**
 * Per-row probabilities of the faults the real file carries. Rating faults exclude each other, as do date_added
 * faults.
 *
 * @param durationInRating the duration sits in the rating column and duration is empty
 * @param emptyRating rating is empty
 * @param emptyDateAdded date_added is empty
 * @param leadingSpaceDateAdded date_added starts with a space
 * @param strayCommaCountry country starts or ends with a stray comma
 */
public record FaultRates(double durationInRating, double emptyRating, double emptyDateAdded,
    double leadingSpaceDateAdded, double strayCommaCountry) {

  public FaultRates {
    check("durationInRating", durationInRating);
    check("emptyRating", emptyRating);
    check("emptyDateAdded", emptyDateAdded);
    check("leadingSpaceDateAdded", leadingSpaceDateAdded);
    check("strayCommaCountry", strayCommaCountry);
    if (durationInRating + emptyRating > 1.0 + 1e-9 || emptyDateAdded + leadingSpaceDateAdded > 1.0 + 1e-9) {
      throw new GeneratorException(GeneratorException.Reason.INVALID_SETTING,
          "exclusive fault rates of one column add up to more than 1");
    }
  }

  /** No faults at all. */
  public static FaultRates none() {
    return new FaultRates(0, 0, 0, 0, 0);
  }

  /**
   * These rates multiplied by {@code multiplier}; each is capped at 1 and exclusive pairs are scaled down together
   * so that their sum stays at most 1.
   */
  public FaultRates scaled(double multiplier) {
    if (!(multiplier >= 0) || Double.isInfinite(multiplier)) {
      throw new GeneratorException(GeneratorException.Reason.INVALID_SETTING,
          "fault-share must be a finite number >= 0, was " + multiplier);
    }
    double[] rating = capPair(durationInRating * multiplier, emptyRating * multiplier);
    double[] date = capPair(emptyDateAdded * multiplier, leadingSpaceDateAdded * multiplier);
    return new FaultRates(rating[0], rating[1], date[0], date[1], Math.min(1.0, strayCommaCountry * multiplier));
  }

  private static double[] capPair(double a, double b) {
    double sum = a + b;
    return sum <= 1.0 ? new double[] {a, b} : new double[] {a / sum, b / sum};
  }

  private static void check(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new GeneratorException(GeneratorException.Reason.INVALID_SETTING,
          name + " must be within [0, 1], was " + rate);
    }
  }
}
