package io.netflixlakehouse.curation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldContributionsTest {

    private static TitleContribution contribution(String country, String year, String duration, String genres) {
        return GoldContributions.of(TitleCurator.curate(TestRecords.movie("s8", country, year, duration, genres)));
    }

    @Test
    void shouldContributeOncePerDistinctCountry() {
        CuratedTitle title = TitleCurator.curate(
                TestRecords.movie("s8", "France, Belgium, France,", "2015", "104 min", "Dramas, Independent Movies, Dramas"));

        TitleContribution contribution = GoldContributions.of(title);

        assertThat(contribution.countries()).containsExactly("Belgium", "France");
        assertThat(contribution.groupKey("France")).isEqualTo("Movie|Modern|France");
        assertThat(contribution.durationMinutes()).isEqualTo(104);
        assertThat(contribution.genres()).containsExactly("Dramas", "Independent Movies");
    }

    @Test
    void shouldContributeTitleWithoutCountryOnceUnderUnknown() {
        TitleContribution contribution = contribution(null, null, "90 min", "Comedies");

        assertThat(contribution.countries()).containsExactly("Unknown");
        assertThat(contribution.groupKey("Unknown")).isEqualTo("Movie|Classic|Unknown");
    }

    @Test
    void shouldKeyGroupsByTypeAgeAndCountry() {
        assertThat(GoldContributions.groupKey("TV Show", "Recent", "India")).isEqualTo("TV Show|Recent|India");
    }

    @Test
    void shouldAddEveryGroupOfNewTitle() {
        Map<String, GoldDelta> deltas = GoldContributions.deltas(null, contribution("France, Japan", "2015", "90 min", "Dramas"));

        assertThat(deltas).containsOnlyKeys("Movie|Modern|France", "Movie|Modern|Japan");
        GoldDelta japan = deltas.get("Movie|Modern|Japan");
        assertThat(japan.country()).isEqualTo("Japan");
        assertThat(japan.titles()).isEqualTo(1);
        assertThat(japan.durationMinutesSum()).isEqualTo(90);
        assertThat(japan.durationMinutesCount()).isEqualTo(1);
        assertThat(japan.genreCounts()).containsOnly(entry("Dramas", 1L));
    }

    @Test
    void shouldTakeEverythingBackWhenTitleIsDeleted() {
        Map<String, GoldDelta> deltas = GoldContributions.deltas(contribution("France", "2015", "90 min", "Dramas"), null);

        GoldDelta france = deltas.get("Movie|Modern|France");
        assertThat(deltas).hasSize(1);
        assertThat(france.titles()).isEqualTo(-1);
        assertThat(france.durationMinutesSum()).isEqualTo(-90);
        assertThat(france.durationMinutesCount()).isEqualTo(-1);
        assertThat(france.genreCounts()).containsOnly(entry("Dramas", -1L));
    }

    @Test
    void shouldChangeNothingWhenContributionIsTheSame() {
        TitleContribution title = contribution("France, Belgium", "2015", "90 min", "Dramas");

        assertThat(GoldContributions.deltas(title, contribution("Belgium, France", "2016", "90 min", "Dramas"))).isEmpty();
        assertThat(GoldContributions.deltas(null, null)).isEmpty();
    }

    @Test
    void shouldMoveTitleBetweenGroupsAndWithdrawLostCountries() {
        TitleContribution before = contribution("France, Belgium, Japan", "2015", "90 min", "Dramas");
        TitleContribution after = contribution("France", "2021", "90 min", "Dramas");

        Map<String, GoldDelta> deltas = GoldContributions.deltas(before, after);

        assertThat(deltas).containsOnlyKeys("Movie|Modern|France", "Movie|Modern|Belgium", "Movie|Modern|Japan",
                "Movie|Recent|France");
        assertThat(deltas.get("Movie|Modern|Belgium").titles()).isEqualTo(-1);
        assertThat(deltas.get("Movie|Modern|France").titles()).isEqualTo(-1);
        assertThat(deltas.get("Movie|Recent|France").titles()).isEqualTo(1);
    }

    @Test
    void shouldSendOneSummedDeltaForGroupTitleStaysIn() {
        TitleContribution before = contribution("France, Japan", "2015", "90 min", "Dramas");
        TitleContribution after = contribution("France, Japan", "2015", "95 min", "Dramas, Thrillers");

        Map<String, GoldDelta> deltas = GoldContributions.deltas(before, after);

        assertThat(deltas).containsOnlyKeys("Movie|Modern|France", "Movie|Modern|Japan");
        GoldDelta france = deltas.get("Movie|Modern|France");
        assertThat(france.titles()).isZero();
        assertThat(france.durationMinutesSum()).isEqualTo(5);
        assertThat(france.durationMinutesCount()).isZero();
        assertThat(france.genreCounts()).containsOnly(entry("Thrillers", 1L));
        assertThat(france.isZero()).isFalse();
    }

    @Test
    void shouldLeaveOutGroupWhoseTotalsWouldNotMove() {
        TitleContribution before = contribution("France, Japan", "2015", null, "Dramas");
        TitleContribution after = contribution("France", "2015", null, "Dramas");

        assertThat(GoldContributions.deltas(before, after)).containsOnlyKeys("Movie|Modern|Japan");
    }
}
