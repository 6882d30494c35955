package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {

    private final DatasetCatalog catalog = new DatasetCatalog(
            List.of("titles", "seed_titles", "cast", "category", "countries", "directors").stream()
                    .map(Fixtures::builtIn).toList());

    @Test
    void shouldTellTheKaggleFileAtTheRootFromTheSeedFileOfTheSameName() {
        assertThat(catalog.match("netflix_titles.csv")).map(DatasetSpec::name).contains("titles");
        assertThat(catalog.match("seed/netflix_titles.csv")).map(DatasetSpec::name).contains("seed_titles");
    }

    @Test
    void shouldMatchEachSeedLookupByItsPrefixAndGlob() {
        assertThat(catalog.match("seed/netflix_cast.csv")).map(DatasetSpec::name).contains("cast");
        assertThat(catalog.match("seed/netflix_category.csv")).map(DatasetSpec::name).contains("category");
        assertThat(catalog.match("seed/netflix_countries.csv")).map(DatasetSpec::name).contains("countries");
        assertThat(catalog.match("seed/netflix_directors.csv")).map(DatasetSpec::name).contains("directors");
        assertThat(catalog.match("netflix_cast.csv")).isEmpty();
        assertThat(catalog.match("other/netflix_cast.csv")).isEmpty();
    }

    @Test
    void shouldMatchNothingForAnUnknownFileOrContainer() {
        assertThat(catalog.match("readme.txt")).isEmpty();
        assertThat(catalog.match("netflix_titles.json")).isEmpty();
        assertThat(catalog.match("seed/deeper/netflix_cast.csv")).isEmpty();
        assertThat(catalog.match("archive", "netflix_titles.csv")).isEmpty();
    }

    @Test
    void shouldMatchAtAnyDepthWithADoubleStarGlob() {
        DatasetCatalog anywhere = new DatasetCatalog(List.of(Fixtures.TITLES));

        assertThat(anywhere.match("netflix_titles.csv")).contains(Fixtures.TITLES);
        assertThat(anywhere.match("kaggle/2026/netflix_titles.csv")).contains(Fixtures.TITLES);
    }

    @Test
    void shouldRefuseTwoDatasetsOfTheSameName() {
        assertThatThrownBy(() -> new DatasetCatalog(List.of(Fixtures.TITLES, Fixtures.TITLES)))
                .hasMessageContaining("dataset 'titles' is declared twice");
    }
}
