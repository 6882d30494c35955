package io.netflixlakehouse.curation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.netflixlakehouse.contracts.GoldenSamples;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.contracts.serde.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldTotalsTest {

    private static final String GROUP = "Movie|Recent|United States";
    private static final Instant AT = Instant.parse("2026-11-25T10:15:35.500Z");

    private static GoldContribution movie(String showId, Integer minutes, String... genres) {
        return new GoldContribution(showId, GROUP, "Movie", "Recent", "United States", minutes, List.of(genres));
    }

    @Test
    void shouldAddContributions() {
        GoldTotals totals = GoldTotals.EMPTY
                .plus(movie("s1", 90, "Documentaries"))
                .plus(movie("s2", 90, "Comedies", "Documentaries"));

        assertThat(totals.contentCount()).isEqualTo(2);
        assertThat(totals.durationMinutesSum()).isEqualTo(180);
        assertThat(totals.durationMinutesCount()).isEqualTo(2);
        assertThat(totals.genreCounts()).containsExactly(
                entry("Comedies", 1L),
                entry("Documentaries", 2L));
    }

    @Test
    void shouldMatchGoldenGoldSample() throws Exception {
        GoldTitleAggregate expected = Json.mapper().readValue(
                GoldenSamples.read(Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY),
                GoldTitleAggregate.class);

        GoldTitleAggregate gold = GoldTotals.EMPTY
                .plus(movie("s1", 90, "Documentaries"))
                .plus(movie("s2", 90, "Comedies", "Documentaries"))
                .toAggregate(GROUP, AT);

        assertThat(gold).isEqualTo(expected);
    }

    @Test
    void shouldSubtractExactlyWhatWasAdded() {
        GoldContribution first = movie("s1", 100, "Dramas");
        GoldContribution second = movie("s2", 61, "Dramas", "Thrillers");

        GoldTotals totals = GoldTotals.EMPTY.plus(first).plus(second).minus(first);

        assertThat(totals).isEqualTo(GoldTotals.EMPTY.plus(second));
        assertThat(totals.toAggregate(GROUP, AT).avgDurationMinutes()).isEqualTo(61.0);
    }

    @Test
    void shouldDropGenreWhenItsCountReachesZero() {
        GoldContribution thriller = movie("s2", 61, "Dramas", "Thrillers");

        GoldTotals totals = GoldTotals.EMPTY.plus(movie("s1", 100, "Dramas")).plus(thriller).minus(thriller);

        GoldTitleAggregate gold = totals.toAggregate(GROUP, AT);
        assertThat(gold.genres()).containsExactly("Dramas");
        assertThat(gold.genreCounts()).containsOnlyKeys("Dramas");
    }

    @Test
    void shouldCountOnlyTitlesWithDurationInAverage() {
        GoldTotals totals = GoldTotals.EMPTY.plus(movie("s1", 90)).plus(movie("s2", null)).plus(movie("s3", 121));

        GoldTitleAggregate gold = totals.toAggregate(GROUP, AT);

        assertThat(gold.contentCount()).isEqualTo(3);
        assertThat(gold.durationMinutesCount()).isEqualTo(2);
        assertThat(gold.avgDurationMinutes()).isEqualTo(105.5);
    }

    @Test
    void shouldHaveNullAverageWithoutDurations() {
        GoldTitleAggregate gold = GoldTotals.EMPTY.plus(movie("s1", null, "Kids' TV")).toAggregate(GROUP, AT);

        assertThat(gold.avgDurationMinutes()).isNull();
        assertThat(gold.durationMinutesSum()).isZero();
    }

    @Test
    void shouldBeEmptyAgainWhenLastTitleLeaves() {
        GoldContribution only = movie("s1", 90, "Documentaries");

        GoldTotals totals = GoldTotals.EMPTY.plus(only).minus(only);

        assertThat(totals.hasNoTitles()).isTrue();
        assertThat(totals.durationMinutesSum()).isZero();
        assertThat(totals.genreCounts()).isEmpty();
        assertThat(GoldTotals.EMPTY.plus(only).hasNoTitles()).isFalse();
    }
}
