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

    private static TitleContribution movie(Integer minutes, String... genres) {
        return new TitleContribution("Movie", "Recent", minutes, List.of(genres), List.of("United States"));
    }

    private static GoldDelta add(TitleContribution title) {
        return GoldDelta.of(title, "United States", 1);
    }

    private static GoldDelta takeBack(TitleContribution title) {
        return GoldDelta.of(title, "United States", -1);
    }

    @Test
    void shouldAddContributions() {
        GoldTotals totals = GoldTotals.EMPTY
                .plus(add(movie(90, "Documentaries")))
                .plus(add(movie(90, "Comedies", "Documentaries")));

        assertThat(totals.contentCount()).isEqualTo(2);
        assertThat(totals.durationMinutesSum()).isEqualTo(180);
        assertThat(totals.durationMinutesCount()).isEqualTo(2);
        assertThat(totals.genreCounts()).containsExactly(
                entry("Comedies", 1L),
                entry("Documentaries", 2L));
        assertThat(totals.country()).isEqualTo("United States");
    }

    @Test
    void shouldMatchGoldenGoldSample() throws Exception {
        GoldTitleAggregate expected = Json.mapper().readValue(
                GoldenSamples.read(Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY),
                GoldTitleAggregate.class);

        GoldTitleAggregate gold = GoldTotals.EMPTY
                .plus(add(movie(90, "Documentaries")))
                .plus(add(movie(90, "Comedies", "Documentaries")))
                .toAggregate(GROUP, AT);

        assertThat(gold).isEqualTo(expected);
    }

    @Test
    void shouldSubtractExactlyWhatWasAdded() {
        TitleContribution first = movie(100, "Dramas");
        TitleContribution second = movie(61, "Dramas", "Thrillers");

        GoldTotals totals = GoldTotals.EMPTY.plus(add(first)).plus(add(second)).plus(takeBack(first));

        assertThat(totals).isEqualTo(GoldTotals.EMPTY.plus(add(second)));
        assertThat(totals.toAggregate(GROUP, AT).avgDurationMinutes()).isEqualTo(61.0);
    }

    @Test
    void shouldApplySummedDeltaLikeItsParts() {
        TitleContribution before = movie(100, "Dramas", "Thrillers");
        TitleContribution after = movie(104, "Dramas", "Independent Movies");
        GoldTotals start = GoldTotals.EMPTY.plus(add(before)).plus(add(movie(90, "Dramas")));

        GoldDelta update = takeBack(before).plus(add(after));

        assertThat(update.titles()).isZero();
        assertThat(update.genreCounts()).containsOnly(entry("Independent Movies", 1L), entry("Thrillers", -1L));
        assertThat(start.plus(update)).isEqualTo(start.plus(takeBack(before)).plus(add(after)));
    }

    @Test
    void shouldDropGenreWhenItsCountReachesZero() {
        TitleContribution thriller = movie(61, "Dramas", "Thrillers");

        GoldTotals totals = GoldTotals.EMPTY.plus(add(movie(100, "Dramas"))).plus(add(thriller)).plus(takeBack(thriller));

        GoldTitleAggregate gold = totals.toAggregate(GROUP, AT);
        assertThat(gold.genres()).containsExactly("Dramas");
        assertThat(gold.genreCounts()).containsOnlyKeys("Dramas");
    }

    @Test
    void shouldCountOnlyTitlesWithDurationInAverage() {
        GoldTotals totals = GoldTotals.EMPTY.plus(add(movie(90))).plus(add(movie(null))).plus(add(movie(121)));

        GoldTitleAggregate gold = totals.toAggregate(GROUP, AT);

        assertThat(gold.contentCount()).isEqualTo(3);
        assertThat(gold.durationMinutesCount()).isEqualTo(2);
        assertThat(gold.avgDurationMinutes()).isEqualTo(105.5);
    }

    @Test
    void shouldHaveNullAverageWithoutDurations() {
        GoldTitleAggregate gold = GoldTotals.EMPTY.plus(add(movie(null, "Kids' TV"))).toAggregate(GROUP, AT);

        assertThat(gold.avgDurationMinutes()).isNull();
        assertThat(gold.durationMinutesSum()).isZero();
    }

    @Test
    void shouldBeEmptyAgainWhenLastTitleLeaves() {
        TitleContribution only = movie(90, "Documentaries");

        GoldTotals totals = GoldTotals.EMPTY.plus(add(only)).plus(takeBack(only));

        assertThat(totals.hasNoTitles()).isTrue();
        assertThat(totals.durationMinutesSum()).isZero();
        assertThat(totals.durationMinutesCount()).isZero();
        assertThat(totals.genreCounts()).isEmpty();
        assertThat(GoldTotals.EMPTY.plus(add(only)).hasNoTitles()).isFalse();
    }
}
