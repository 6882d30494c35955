package io.netflixlakehouse.benchmark.generator;

/**
 * What to generate.
 *
 * @param rows number of records after the header
 * @param seed the seed: same seed, rows and source give byte-identical output
 * @param faults per-row fault probabilities
 * @param multilineDescriptionShare share of rows whose description holds a newline inside its quoted field
 */
public record GeneratorSettings(long rows, long seed, FaultRates faults, double multilineDescriptionShare) {

  public GeneratorSettings {
    if (rows < 0) {
      throw new GeneratorException(GeneratorException.Reason.INVALID_SETTING, "rows must be >= 0, was " + rows);
    }
    if (faults == null) {
      throw new GeneratorException(GeneratorException.Reason.INVALID_SETTING, "faults must be set");
    }
    if (!(multilineDescriptionShare >= 0 && multilineDescriptionShare <= 1)) {
      throw new GeneratorException(GeneratorException.Reason.INVALID_SETTING,
          "multiline share must be within [0, 1], was " + multilineDescriptionShare);
    }
  }

  /** Settings with the source file's own fault and multi-line rates scaled by {@code faultShare}. */
  public static GeneratorSettings realistic(SourceProfile profile, long rows, long seed, double faultShare) {
    return new GeneratorSettings(rows, seed, profile.observedFaultRates().scaled(faultShare),
        profile.observedMultilineShare());
  }
}
