package io.netflixlakehouse.curation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.event.CuratedTitle;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class GoldContributionsTest {

    @Test
    void shouldContributeOncePerDistinctCountry() {
        CuratedTitle title = TitleCurator.curate(
                TestRecords.movie("s8", "France, Belgium, France,", "2015", "104 min", "Dramas, Independent Movies, Dramas"));

        SortedMap<String, GoldContribution> contributions = GoldContributions.of(title);

        assertThat(contributions).containsOnlyKeys("Belgium", "France");
        GoldContribution france = contributions.get("France");
        assertThat(france.groupKey()).isEqualTo("Movie|Modern|France");
        assertThat(france.showId()).isEqualTo("s8");
        assertThat(france.durationMinutes()).isEqualTo(104);
        assertThat(france.genres()).containsExactly("Dramas", "Independent Movies");
    }

    @Test
    void shouldContributeTitleWithoutCountryOnceUnderUnknown() {
        CuratedTitle title = TitleCurator.curate(TestRecords.movie("s3", null, null, "90 min", "Comedies"));

        Map<String, GoldContribution> contributions = GoldContributions.of(title);

        assertThat(contributions).containsOnlyKeys("Unknown");
        assertThat(contributions.get("Unknown").groupKey()).isEqualTo("Movie|Classic|Unknown");
    }

    @Test
    void shouldKeyContributionsByShowIdAndCountry() {
        assertThat(GoldContributions.contributionKey("s8", "France")).isEqualTo("s8|France");
        assertThat(GoldContributions.groupKey("TV Show", "Recent", "India")).isEqualTo("TV Show|Recent|India");
    }

    @Test
    void shouldWithdrawCountriesTheTitleNoLongerHas() {
        CuratedTitle before = TitleCurator.curate(TestRecords.movie("s8", "France, Belgium, Japan", "2015", "90 min", "Dramas"));
        CuratedTitle after = TitleCurator.curate(TestRecords.movie("s8", "France", "2015", "90 min", "Dramas"));

        TitleContributions previous = TitleContributions.of(GoldContributions.of(before));

        assertThat(previous.groupKeyByCountry()).containsEntry("Japan", "Movie|Modern|Japan");
        assertThat(previous.countriesWithdrawnBy(GoldContributions.of(after))).containsExactly("Belgium", "Japan");
        assertThat(previous.countriesWithdrawnBy(Map.of())).containsExactly("Belgium", "France", "Japan");
    }
}
