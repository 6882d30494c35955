package io.netflixlakehouse.benchmark.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SourceProfileTest {

  private static final double N = 8807;

  @Test
  void shouldCountTheRealFilesFaultsAsRates() {
    SourceProfile profile = RealSource.profile();
    FaultRates rates = profile.observedFaultRates();

    assertThat(profile.records()).isEqualTo(8807);
    assertThat(rates.durationInRating() * N).isCloseTo(3, within(1e-6));
    assertThat(rates.emptyRating() * N).isCloseTo(4, within(1e-6));
    assertThat(rates.emptyDateAdded() * N).isCloseTo(10, within(1e-6));
    assertThat(rates.leadingSpaceDateAdded() * N).isCloseTo(88, within(1e-6));
    assertThat(rates.strayCommaCountry() * N).isCloseTo(7, within(1e-6));
    assertThat(profile.observedMultilineShare() * N).isCloseTo(2, within(1e-6));
  }

  @Test
  void shouldLearnTheRealTypeShares() {
    SourceProfile profile = RealSource.profile();

    assertThat(profile.typeShare("Movie") * N).isCloseTo(6131, within(1e-6));
    assertThat(profile.typeShare("TV Show") * N).isCloseTo(2676, within(1e-6));
  }

  @Test
  void shouldKeepFaultValuesOutOfTheCleanPools() {
    SourceProfile profile = RealSource.profile();
    SplittableRandom random = new SplittableRandom(1);

    for (int i = 0; i < 5000; i++) {
      assertThat(profile.type("Movie").ratings().sample(random)).isNotEmpty().doesNotContain(" min");
      assertThat(profile.datesAdded().sample(random)).isNotEmpty().doesNotStartWith(" ");
      assertThat(profile.countries().sample(random)).isNotEmpty().doesNotContain(",");
      assertThat(profile.descriptions().sample(random)).doesNotContain("\n");
    }
  }

  @Test
  void shouldRejectAForeignHeader() {
    assertThatThrownBy(() -> SourceProfile.learn(new StringReader("id,name\n1,x\n")))
        .isInstanceOfSatisfying(GeneratorException.class,
            e -> assertThat(e.reason()).isEqualTo(GeneratorException.Reason.SOURCE_HEADER_MISMATCH));
  }

  @Test
  void shouldRejectASourceWithoutRecords() {
    String headerOnly = String.join(",", KaggleCsvDialect.HEADER) + "\n";

    assertThatThrownBy(() -> SourceProfile.learn(new StringReader(headerOnly)))
        .isInstanceOfSatisfying(GeneratorException.class,
            e -> assertThat(e.reason()).isEqualTo(GeneratorException.Reason.SOURCE_EMPTY));
  }

  @Test
  void shouldRejectAMissingSource() {
    assertThatThrownBy(() -> SourceProfile.learn(Path.of("does/not/exist.csv")))
        .isInstanceOfSatisfying(GeneratorException.class,
            e -> assertThat(e.reason()).isEqualTo(GeneratorException.Reason.SOURCE_UNREADABLE));
  }
}
