package io.netflixlakehouse.benchmark.generator;

/**
 * What to generate.
 *
 * @param rows number of records after the header
 * @param seed the seed: same seed, rows and source give byte-identical output
 * @param faults per-row fault probabilities
 * @param multilineDescriptionShare share of rows whose description holds a newline inside its quoted field
 * @param firstShowId the number of the first show_id ({@code s1} by default); a file of new titles for a catalogue
 *     already loaded starts after its last id
 */
public record GeneratorSettings(long rows, long seed, FaultRates faults, double multilineDescriptionShare,
    long firstShowId) {

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
    if (firstShowId < 1) {
      throw new GeneratorException(GeneratorException.Reason.INVALID_SETTING,
          "the first show_id must be >= 1, was " + firstShowId);
    }
  }

  /** Settings whose show_ids start at {@code s1}. */
  public GeneratorSettings(long rows, long seed, FaultRates faults, double multilineDescriptionShare) {
    this(rows, seed, faults, multilineDescriptionShare, 1);
  }

  /** The same settings with show_ids from {@code s<firstShowId>} on. */
  public GeneratorSettings startingAt(long firstShowId) {
    return new GeneratorSettings(rows, seed, faults, multilineDescriptionShare, firstShowId);
  }

  /** Settings with the source file's own fault and multi-line rates scaled by {@code faultShare}. */
  public static GeneratorSettings realistic(SourceProfile profile, long rows, long seed, double faultShare) {
    return new GeneratorSettings(rows, seed, profile.observedFaultRates().scaled(faultShare),
        profile.observedMultilineShare());
  }
}
