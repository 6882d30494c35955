package io.netflixlakehouse.curation.topology;

import static io.netflixlakehouse.curation.domain.TestRecords.movie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.netflixlakehouse.contracts.GoldenSamples;
import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.contracts.event.CuratedTitle;
import io.netflixlakehouse.contracts.event.GoldTitleAggregate;
import io.netflixlakehouse.contracts.event.ValidatedRecord;
import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.curation.domain.GoldDelta;
import io.netflixlakehouse.curation.domain.GoldTotals;
import io.netflixlakehouse.curation.domain.TestRecords;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CurationTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:15:31Z");

    private CurationTopologyDriver streams;

    @BeforeEach
    void startDriver() {
        streams = new CurationTopologyDriver();
    }

    @AfterEach
    void closeDriver() {
        streams.close();
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }

    @Test
    void shouldWriteCuratedTitleKeyedByShowId() throws Exception {
        ValidatedRecord validated = Json.mapper().readValue(GoldenSamples.read(Topics.TITLES_VALIDATED), ValidatedRecord.class);
        CuratedTitle expected = Json.mapper().readValue(GoldenSamples.read(Topics.TITLES_CURATED), CuratedTitle.class);

        streams.pipe(validated, at(0));

        TestRecord<String, CuratedTitle> curated = streams.curated.readRecord();
        assertThat(curated.key()).isEqualTo("s1");
        assertThat(curated.value()).isEqualTo(expected);
        assertThat(curated.getRecordTime()).isEqualTo(at(0));
        assertThat(streams.curated.isEmpty()).isTrue();
    }

    @Test
    void shouldCountTitlesPerTypeAgeAndCountry() {
        streams.pipe(movie("s1", "United States", "2020", "90 min", "Documentaries"), at(0));
        streams.pipe(movie("s2", "United States, India", "2021", "100 min", "Comedies, Documentaries"), at(1));
        streams.pipe(movie("s3", "India", "2012", "130 min", "Dramas"), at(2));
        streams.pipe(TestRecords.validated("s4", "TV Show", "Kota Factory", null, null, "India", "September 24, 2021",
                "2021", "TV-MA", "2 Seasons", "International TV Shows, TV Comedies", "In a city of coaching centers..."), at(3));

        Map<String, GoldTitleAggregate> gold = streams.liveGroups();

        assertThat(gold).containsOnlyKeys("Movie|Recent|United States", "Movie|Recent|India", "Movie|Modern|India",
                "TV Show|Recent|India");
        GoldTitleAggregate us = gold.get("Movie|Recent|United States");
        assertThat(us.contentCount()).isEqualTo(2);
        assertThat(us.durationMinutesSum()).isEqualTo(190);
        assertThat(us.avgDurationMinutes()).isEqualTo(95.0);
        assertThat(us.genreCounts()).containsEntry("Documentaries", 2L).containsEntry("Comedies", 1L);
        assertThat(us.genres()).containsExactly("Comedies", "Documentaries");
        assertThat(us.eventTime()).isEqualTo(at(1));
        GoldTitleAggregate show = gold.get("TV Show|Recent|India");
        assertThat(show.type()).isEqualTo("TV Show");
        assertThat(show.contentAgeCategory()).isEqualTo("Recent");
        assertThat(show.country()).isEqualTo("India");
        assertThat(show.contentCount()).isEqualTo(1);
        assertThat(show.durationMinutesCount()).isZero();
        assertThat(show.avgDurationMinutes()).isNull();
        assertThat(gold.get("Movie|Recent|India").contentCount()).isEqualTo(1);
        assertThat(gold.get("Movie|Modern|India").avgDurationMinutes()).isEqualTo(130.0);
    }

    @Test
    void shouldMoveUpdatedTitleBetweenGroupsAndDeleteEmptiedGroup() {
        streams.pipe(movie("s1", "United States", "2020", "90 min", "Documentaries"), at(0));
        streams.pipe(movie("s2", "United States", "2021", "110 min", "Dramas"), at(1));
        assertThat(streams.liveGroups().get("Movie|Recent|United States").contentCount()).isEqualTo(2);

        // s1's release year is corrected: it moves from Recent to Modern.
        streams.pipe(movie("s1", "United States", "2015", "90 min", "Documentaries"), at(2));
        Map<String, GoldTitleAggregate> afterFirstMove = Map.copyOf(streams.liveGroups());
        GoldTitleAggregate recent = afterFirstMove.get("Movie|Recent|United States");
        assertThat(recent.contentCount()).isEqualTo(1);
        assertThat(recent.durationMinutesSum()).isEqualTo(110);
        assertThat(recent.genres()).containsExactly("Dramas");
        assertThat(afterFirstMove.get("Movie|Modern|United States").contentCount()).isEqualTo(1);

        // s2 follows: the Recent group is left empty and deleted with a tombstone.
        streams.pipe(movie("s2", "United States", "2011", "110 min", "Dramas"), at(3));
        Map<String, GoldTitleAggregate> table = streams.goldTable();
        assertThat(table).containsEntry("Movie|Recent|United States", null);
        GoldTitleAggregate modern = table.get("Movie|Modern|United States");
        assertThat(modern.contentCount()).isEqualTo(2);
        assertThat(modern.durationMinutesSum()).isEqualTo(200);
        assertThat(modern.genres()).containsExactly("Documentaries", "Dramas");
    }

    @Test
    void shouldMoveTitleWhoseTypeChanges() {
        streams.pipe(movie("s1", "Japan", "2019", "90 min", "Anime Features"), at(0));
        streams.pipe(TestRecords.validated("s1", "TV Show", "Title s1", null, null, "Japan", "September 25, 2021", "2019",
                "TV-14", "1 Season", "Anime Series", "A description."), at(1));

        Map<String, GoldTitleAggregate> table = streams.goldTable();

        assertThat(table).containsEntry("Movie|Modern|Japan", null);
        assertThat(table.get("TV Show|Modern|Japan").genres()).containsExactly("Anime Series");
    }

    @Test
    void shouldWithdrawCountryTitleNoLongerLists() {
        streams.pipe(movie("s1", "France, Belgium", "2015", "95 min", "Dramas"), at(0));
        streams.pipe(movie("s2", "France", "2016", "105 min", "Dramas"), at(1));
        assertThat(streams.liveGroups()).containsOnlyKeys("Movie|Modern|France", "Movie|Modern|Belgium");

        streams.pipe(movie("s1", "France,", "2015", "95 min", "Dramas"), at(2));

        Map<String, GoldTitleAggregate> table = streams.goldTable();
        assertThat(table).containsEntry("Movie|Modern|Belgium", null);
        GoldTitleAggregate france = table.get("Movie|Modern|France");
        assertThat(france.contentCount()).isEqualTo(2);
        assertThat(france.durationMinutesSum()).isEqualTo(200);
    }

    @Test
    void shouldLeaveGoldUnchangedWhenSameRecordsAreReplayed() {
        List<ValidatedRecord> records = List.of(
                movie("s1", "United States", "2020", "90 min", "Documentaries"),
                movie("s2", "United States, India", "2021", "100 min", "Comedies, Documentaries"),
                movie("s3", null, "1999", "130 min", "Dramas"));
        for (int i = 0; i < records.size(); i++) {
            streams.pipe(records.get(i), at(i));
        }
        Map<String, GoldTitleAggregate> before = new HashMap<>(streams.goldTable());
        Map<String, GoldTotals> storeBefore = goldStore();
        assertThat(streams.deltas.readRecordsToList()).hasSize(4);

        for (int i = 0; i < records.size(); i++) {
            streams.pipe(records.get(i), at(i));
        }

        // Nothing changed, so nothing is sent: no delta to the groups, no gold record, totals untouched.
        assertThat(streams.deltas.readRecordsToList()).isEmpty();
        assertThat(streams.gold.readRecordsToList()).isEmpty();
        assertThat(streams.goldTable()).isEqualTo(before);
        assertThat(goldStore()).isEqualTo(storeBefore);
        assertThat(storeBefore.get("Movie|Recent|United States").contentCount()).isEqualTo(2);
        assertThat(storeBefore.get("Movie|Classic|Unknown").contentCount()).isEqualTo(1);
    }

    @Test
    void shouldCountTitleWithoutCountryOnceUnderUnknown() {
        streams.pipe(movie("s7", null, "2021", "91 min", "Horror Movies"), at(0));
        streams.pipe(movie("s8", " , ", "2020", "93 min", "Horror Movies"), at(1));

        Map<String, GoldTitleAggregate> gold = streams.liveGroups();

        assertThat(gold).containsOnlyKeys("Movie|Recent|Unknown");
        GoldTitleAggregate unknown = gold.get("Movie|Recent|Unknown");
        assertThat(unknown.country()).isEqualTo(GoldTitleAggregate.UNKNOWN_COUNTRY);
        assertThat(unknown.contentCount()).isEqualTo(2);
        assertThat(unknown.genreCounts()).containsEntry("Horror Movies", 2L);
    }

    @Test
    void shouldDeleteTitleAndItsContributionsOnTombstone() {
        streams.pipe(movie("s1", "Spain, Mexico", "2018", "100 min", "Thrillers"), at(0));

        streams.validated.pipeInput("s1", null, at(1));

        assertThat(streams.curated.readKeyValuesToMap()).containsEntry("s1", null);
        Map<String, GoldTitleAggregate> table = streams.goldTable();
        assertThat(table).containsEntry("Movie|Modern|Spain", null).containsEntry("Movie|Modern|Mexico", null);
    }

    @Test
    void shouldStopOnUnreadableRecordRatherThanSkipIt() {
        byte[] notJson = "s1,Movie,Dick Johnson Is Dead".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> streams.validatedBytes.pipeInput("s1", notJson, at(0)))
                .isInstanceOf(StreamsException.class)
                .hasMessageContaining("Deserialization exception handler is set to fail");
        assertThat(streams.curated.isEmpty()).isTrue();
    }

    @Test
    void shouldNameEveryStatefulStepAndStore() {
        TopologyDescription description = CurationTopology.build(CurationTopics.defaults(), CurationSerdes.standard()).describe();
        String text = description.toString();

        assertThat(text).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(text).contains(
                "curation-gold-groups-repartition",
                "stores: [curation-title-contributions]",
                "stores: [curation-gold-totals]");
        // One repartition, two stores: the deltas go straight from the titles to the groups.
        assertThat(text).doesNotContain("curation-gold-contributions");
        assertThat(description.subtopologies()).hasSize(2);
    }

    @Test
    void shouldSendOneDeltaPerTouchedGroupWhenTitleChanges() {
        streams.pipe(movie("s1", "France, Japan", "2015", "90 min", "Dramas"), at(0));
        List<TestRecord<String, GoldDelta>> added = streams.deltas.readRecordsToList();
        assertThat(added).extracting(TestRecord::key).containsExactly("Movie|Modern|France", "Movie|Modern|Japan");
        assertThat(added).allSatisfy(delta -> assertThat(delta.value().titles()).isEqualTo(1));

        // Longer cut, one more genre, Japan dropped: France gets one summed delta, Japan a withdrawal.
        streams.pipe(movie("s1", "France", "2015", "95 min", "Dramas, Thrillers"), at(1));

        Map<String, GoldDelta> changed = streams.deltas.readKeyValuesToMap();
        assertThat(changed).containsOnlyKeys("Movie|Modern|France", "Movie|Modern|Japan");
        assertThat(changed.get("Movie|Modern|France").titles()).isZero();
        assertThat(changed.get("Movie|Modern|France").durationMinutesSum()).isEqualTo(5);
        assertThat(changed.get("Movie|Modern|Japan").titles()).isEqualTo(-1);
        Map<String, GoldTitleAggregate> table = streams.goldTable();
        assertThat(table).containsEntry("Movie|Modern|Japan", null);
        assertThat(table.get("Movie|Modern|France").genres()).containsExactly("Dramas", "Thrillers");
        assertThat(table.get("Movie|Modern|France").durationMinutesSum()).isEqualTo(95);
        assertThat(table.get("Movie|Modern|France").eventTime()).isEqualTo(at(1));
    }

    @Test
    void shouldSendNothingToGoldWhenOnlyFieldsGoldIgnoresChange() {
        streams.pipe(movie("s1", "India", "2021", "100 min", "Comedies"), at(0));
        streams.goldTable();
        streams.deltas.readRecordsToList();

        streams.pipe(TestRecords.validated("s1", "Movie", "A New Title", "A Director", null, "India", "January 1, 2022",
                "2021", "R", "100 min", "Comedies", "Another description."), at(1));

        assertThat(streams.curated.readValuesToList()).last().satisfies(title -> assertThat(title.title()).isEqualTo("A New Title"));
        assertThat(streams.deltas.isEmpty()).isTrue();
        assertThat(streams.gold.isEmpty()).isTrue();
    }

    @Test
    void shouldCountTitleAgainWhenDeletedAndDeliveredAgain() {
        ValidatedRecord title = movie("s1", "Spain", "2018", "100 min", "Thrillers");
        streams.pipe(title, at(0));
        streams.validated.pipeInput("s1", null, at(1));
        assertThat(streams.goldTable()).containsEntry("Movie|Modern|Spain", null);
        // A second tombstone of the same title has nothing left to take back.
        streams.validated.pipeInput("s1", null, at(2));
        assertThat(streams.gold.isEmpty()).isTrue();

        streams.pipe(title, at(3));

        GoldTitleAggregate spain = streams.goldTable().get("Movie|Modern|Spain");
        assertThat(spain.contentCount()).isEqualTo(1);
        assertThat(spain.durationMinutesSum()).isEqualTo(100);
        assertThat(spain.genreCounts()).containsOnly(entry("Thrillers", 1L));
        assertThat(goldStore().get("Movie|Modern|Spain").contentCount()).isEqualTo(1);
    }

    @Test
    void shouldKeepGroupOfOtherTitlesWhenOneTitleIsDeleted() {
        streams.pipe(movie("s1", "Spain", "2018", "100 min", "Thrillers"), at(0));
        streams.pipe(movie("s2", "Spain", "2019", "80 min", "Dramas"), at(1));

        streams.validated.pipeInput("s1", null, at(2));

        GoldTitleAggregate spain = streams.goldTable().get("Movie|Modern|Spain");
        assertThat(spain.contentCount()).isEqualTo(1);
        assertThat(spain.durationMinutesSum()).isEqualTo(80);
        assertThat(spain.genres()).containsExactly("Dramas");
        assertThat(spain.eventTime()).isEqualTo(at(2));
    }

    private Map<String, GoldTotals> goldStore() {
        KeyValueStore<String, ValueAndTimestamp<GoldTotals>> store =
                streams.driver.getTimestampedKeyValueStore(CurationTopology.GOLD_STORE);
        Map<String, GoldTotals> content = new HashMap<>();
        try (var all = store.all()) {
            all.forEachRemaining(entry -> content.put(entry.key, entry.value.value()));
        }
        return content;
    }
}
