package io.netflixlakehouse.curation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CurationTransformsTest {

    @Test
    void shouldTrimNonBreakingAndOtherUnicodeSpacesFromTitle() {
        assertThat(CurationTransforms.title("Consequences\u00A0")).isEqualTo("Consequences");
        assertThat(CurationTransforms.title("\u2007\u202F\u3000 Blood & Water \t\u00A0")).isEqualTo("Blood & Water");
        assertThat(CurationTransforms.title("\uFEFF\u200BZero width")).isEqualTo("Zero width");
    }

    @Test
    void shouldTurnNonBreakingSpacesInsideTitleIntoPlainSpaces() {
        assertThat(CurationTransforms.title("Legend\u00A0of\u00A0Exorcism")).isEqualTo("Legend of Exorcism");
    }

    @Test
    void shouldMakeBlankTitleNull() {
        assertThat(CurationTransforms.title("\u00A0 ")).isNull();
        assertThat(CurationTransforms.title(null)).isNull();
    }

    @Test
    void shouldCutShortTitleAtFirstColon() {
        assertThat(CurationTransforms.shortTitle("My Little Pony: A New Generation")).isEqualTo("My Little Pony");
        assertThat(CurationTransforms.shortTitle("Operation Varsity Blues: The College Admissions Scandal: Part 2"))
                .isEqualTo("Operation Varsity Blues");
        assertThat(CurationTransforms.shortTitle("Dick Johnson Is Dead")).isEqualTo("Dick Johnson Is Dead");
        assertThat(CurationTransforms.shortTitle(": Untitled")).isEqualTo(": Untitled");
        assertThat(CurationTransforms.shortTitle(null)).isNull();
    }

    @Test
    void shouldTakeRatingPrefixBeforeFirstDash() {
        assertThat(CurationTransforms.ratingPrefix("PG-13")).isEqualTo("PG");
        assertThat(CurationTransforms.ratingPrefix("TV-MA")).isEqualTo("TV");
        assertThat(CurationTransforms.ratingPrefix("TV-Y7-FV")).isEqualTo("TV");
        assertThat(CurationTransforms.ratingPrefix("R")).isEqualTo("R");
        assertThat(CurationTransforms.ratingPrefix("74 min")).isEqualTo("74 min");
        assertThat(CurationTransforms.ratingPrefix(null)).isNull();
    }

    @Test
    void shouldFlagTypes() {
        assertThat(CurationTransforms.typeFlag("Movie")).isEqualTo(1);
        assertThat(CurationTransforms.typeFlag("TV Show")).isEqualTo(2);
        assertThat(CurationTransforms.typeFlag("Podcast")).isZero();
        assertThat(CurationTransforms.typeFlag(null)).isZero();
    }

    @Test
    void shouldParseReleaseYearOrReturnNull() {
        assertThat(CurationTransforms.releaseYear("2020")).isEqualTo(2020);
        assertThat(CurationTransforms.releaseYear(" 1925 ")).isEqualTo(1925);
        assertThat(CurationTransforms.releaseYear("20x0")).isNull();
        assertThat(CurationTransforms.releaseYear("2020.5")).isNull();
        assertThat(CurationTransforms.releaseYear("")).isNull();
        assertThat(CurationTransforms.releaseYear(null)).isNull();
    }

    @Test
    void shouldParseDurationInMinutes() {
        assertThat(CurationTransforms.durationMinutes("90 min")).isEqualTo(90);
        assertThat(CurationTransforms.durationMinutes("312 min")).isEqualTo(312);
        assertThat(CurationTransforms.durationSeasons("90 min")).isNull();
    }

    @Test
    void shouldParseDurationInSeasons() {
        assertThat(CurationTransforms.durationSeasons("1 Season")).isEqualTo(1);
        assertThat(CurationTransforms.durationSeasons("3 Seasons")).isEqualTo(3);
        assertThat(CurationTransforms.durationMinutes("3 Seasons")).isNull();
    }

    @Test
    void shouldLeaveEmptyOrOddDurationNull() {
        for (String duration : new String[] {null, "", " ", "90", "min", "1h 30m", "PG-13"}) {
            assertThat(CurationTransforms.durationMinutes(duration)).as(duration).isNull();
            assertThat(CurationTransforms.durationSeasons(duration)).as(duration).isNull();
        }
    }

    @Test
    void shouldParseDateAddedWithOrWithoutLeadingSpaces() {
        assertThat(CurationTransforms.dateAdded("September 25, 2021")).isEqualTo(LocalDate.of(2021, 9, 25));
        assertThat(CurationTransforms.dateAdded(" August 4, 2017")).isEqualTo(LocalDate.of(2017, 8, 4));
        assertThat(CurationTransforms.dateAdded("  December 23, 2018")).isEqualTo(LocalDate.of(2018, 12, 23));
    }

    @Test
    void shouldMakeUnparseableDateAddedNull() {
        assertThat(CurationTransforms.dateAdded("")).isNull();
        assertThat(CurationTransforms.dateAdded(null)).isNull();
        assertThat(CurationTransforms.dateAdded("2021-09-25")).isNull();
        assertThat(CurationTransforms.dateAdded("February 30, 2021")).isNull();
        assertThat(CurationTransforms.dateAdded("Septembre 25, 2021")).isNull();
    }

    @Test
    void shouldParseDateAddedWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(CurationTransforms.dateAdded("March 1, 2020")).isEqualTo(LocalDate.of(2020, 3, 1));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void shouldSplitListsDroppingStrayCommas() {
        assertThat(CurationTransforms.split("United States,")).containsExactly("United States");
        assertThat(CurationTransforms.split(", France, Algeria")).containsExactly("France", "Algeria");
        assertThat(CurationTransforms.split("France, Belgium, Luxembourg, Cambodia,"))
                .containsExactly("France", "Belgium", "Luxembourg", "Cambodia");
        assertThat(CurationTransforms.split("International TV Shows, TV Dramas, TV Mysteries"))
                .containsExactly("International TV Shows", "TV Dramas", "TV Mysteries");
        assertThat(CurationTransforms.split(" , ,")).isEmpty();
        assertThat(CurationTransforms.split(null)).isEmpty();
    }
}
