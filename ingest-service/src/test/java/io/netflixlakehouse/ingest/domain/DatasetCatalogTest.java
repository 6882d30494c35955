package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {

    private final DatasetCatalog catalog = new DatasetCatalog(List.of(
            Fixtures.TITLES,
            new DatasetSpec("cast", "seed/*cast*.csv", "show_id", "netflix.cast.raw.v1")));

    @Test
    void shouldMatchTitlesAtAnyDepthIncludingTheRoot() {
        assertThat(catalog.match("netflix_titles.csv")).contains(Fixtures.TITLES);
        assertThat(catalog.match("kaggle/2026/netflix_titles.csv")).contains(Fixtures.TITLES);
    }

    @Test
    void shouldMatchOtherDatasetsByTheirGlob() {
        assertThat(catalog.match("seed/netflix_cast.csv")).map(DatasetSpec::name).contains("cast");
        assertThat(catalog.match("other/netflix_cast.csv")).isEmpty();
    }

    @Test
    void shouldMatchNothingForAnUnknownFile() {
        assertThat(catalog.match("readme.txt")).isEmpty();
        assertThat(catalog.match("netflix_titles.json")).isEmpty();
    }
}
