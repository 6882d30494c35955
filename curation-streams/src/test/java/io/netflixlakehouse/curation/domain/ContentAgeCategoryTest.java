package io.netflixlakehouse.curation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentAgeCategoryTest {

    @Test
    void shouldPlaceBoundaryYears() {
        assertThat(ContentAgeCategory.of(2021)).isEqualTo(ContentAgeCategory.RECENT);
        assertThat(ContentAgeCategory.of(2020)).isEqualTo(ContentAgeCategory.RECENT);
        assertThat(ContentAgeCategory.of(2019)).isEqualTo(ContentAgeCategory.MODERN);
        assertThat(ContentAgeCategory.of(2010)).isEqualTo(ContentAgeCategory.MODERN);
        assertThat(ContentAgeCategory.of(2009)).isEqualTo(ContentAgeCategory.CLASSIC);
        assertThat(ContentAgeCategory.of(1925)).isEqualTo(ContentAgeCategory.CLASSIC);
    }

    @Test
    void shouldCountMissingYearAsClassic() {
        assertThat(ContentAgeCategory.of(null)).isEqualTo(ContentAgeCategory.CLASSIC);
    }

    @Test
    void shouldLabelCategoriesAsInGold() {
        assertThat(ContentAgeCategory.RECENT.label()).isEqualTo("Recent");
        assertThat(ContentAgeCategory.MODERN.label()).isEqualTo("Modern");
        assertThat(ContentAgeCategory.CLASSIC.label()).isEqualTo("Classic");
    }
}
