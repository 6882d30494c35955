package io.netflixlakehouse.curation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.contracts.GoldenSamples;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import io.netflixlakehouse.contracts.serde.Json;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TitleCuratorTest {

    @Test
    void shouldCurateGoldenValidatedSampleIntoGoldenCuratedSample() throws Exception {
        ValidatedRecord validated = Json.mapper().readValue(GoldenSamples.read(Topics.TITLES_VALIDATED), ValidatedRecord.class);
        CuratedTitle expected = Json.mapper().readValue(GoldenSamples.read(Topics.TITLES_CURATED), CuratedTitle.class);

        assertThat(TitleCurator.curate(validated)).isEqualTo(expected);
    }

    @Test
    void shouldCurateTvShowWithSeasonsAndLists() {
        ValidatedRecord record = TestRecords.validated("s2", "TV Show", "Blood & Water", null,
                "Ama Qamata, Khosi Ngema, Gail Mabalane", "South Africa", "September 24, 2021", "2021", "TV-MA",
                "2 Seasons", "International TV Shows, TV Dramas, TV Mysteries", "After crossing paths at a party...");

        CuratedTitle title = TitleCurator.curate(record);

        assertThat(title.showId()).isEqualTo("s2");
        assertThat(title.typeFlag()).isEqualTo(2);
        assertThat(title.directors()).isEmpty();
        assertThat(title.cast()).containsExactly("Ama Qamata", "Khosi Ngema", "Gail Mabalane");
        assertThat(title.countries()).containsExactly("South Africa");
        assertThat(title.dateAdded()).isEqualTo(LocalDate.of(2021, 9, 24));
        assertThat(title.releaseYear()).isEqualTo(2021);
        assertThat(title.rating()).isEqualTo("TV-MA");
        assertThat(title.ratingPrefix()).isEqualTo("TV");
        assertThat(title.durationMinutes()).isNull();
        assertThat(title.durationSeasons()).isEqualTo(2);
        assertThat(title.listedIn()).containsExactly("International TV Shows", "TV Dramas", "TV Mysteries");
        assertThat(title.id()).isEqualTo("id-s2");
        assertThat(title.lineage()).isEqualTo(record.lineage());
    }

    @Test
    void shouldCurateKaggleFaultsWithoutFailing() {
        // s5542: the duration sits in the rating column; s6530: NBSP after the title; stray comma; leading space.
        ValidatedRecord record = TestRecords.validated("s5542", "Movie", "Consequences\u00A0", "Louis C.K.", "Louis C.K.",
                "United Kingdom,", " August 4, 2017", "2017", "74 min", null, "Movies", "Louis C.K. muses on ...");

        CuratedTitle title = TitleCurator.curate(record);

        assertThat(title.title()).isEqualTo("Consequences");
        assertThat(title.shortTitle()).isEqualTo("Consequences");
        assertThat(title.countries()).containsExactly("United Kingdom");
        assertThat(title.dateAdded()).isEqualTo(LocalDate.of(2017, 8, 4));
        assertThat(title.rating()).isEqualTo("74 min");
        assertThat(title.durationMinutes()).isNull();
        assertThat(title.durationSeasons()).isNull();
    }

    @Test
    void shouldUseBlobEventTimeNotWallClock() {
        ValidatedRecord record = TestRecords.movie("s9", "India", "2019", "120 min", "Dramas");

        CuratedTitle first = TitleCurator.curate(record);
        CuratedTitle replayed = TitleCurator.curate(record);

        assertThat(first.eventTime()).isEqualTo(TestRecords.BLOB_EVENT_TIME);
        assertThat(replayed).isEqualTo(first);
    }

    @Test
    void shouldLeaveUnparseableValuesNull() {
        ValidatedRecord record = TestRecords.validated("s7", null, null, null, null, null, "", "unknown", null, "",
                null, null);

        CuratedTitle title = TitleCurator.curate(record);

        assertThat(title.typeFlag()).isZero();
        assertThat(title.title()).isNull();
        assertThat(title.shortTitle()).isNull();
        assertThat(title.dateAdded()).isNull();
        assertThat(title.releaseYear()).isNull();
        assertThat(title.rating()).isNull();
        assertThat(title.ratingPrefix()).isNull();
        assertThat(title.countries()).isEmpty();
        assertThat(title.listedIn()).isEmpty();
    }
}
