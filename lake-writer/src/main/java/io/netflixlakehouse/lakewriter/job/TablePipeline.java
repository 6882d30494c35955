package io.netflixlakehouse.lakewriter.job;

import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.sink.GoldChangelogSink;
import io.netflixlakehouse.lakewriter.sink.InsertOnlySink;
import io.netflixlakehouse.lakewriter.sink.SilverTitlesSink;
import io.netflixlakehouse.lakewriter.sink.TableSink;
import io.netflixlakehouse.lakewriter.transform.BronzeTitles;
import io.netflixlakehouse.lakewriter.transform.GoldTitlesByTypeAgeCountry;
import io.netflixlakehouse.lakewriter.transform.QualityEvents;
import io.netflixlakehouse.lakewriter.transform.QuarantineTitles;
import io.netflixlakehouse.lakewriter.transform.SilverTitles;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One topic into one table: the transform of a Kafka batch, the rows it leaves out, and the sink.
 *
 * @param table the table
 * @param transform Kafka rows to table rows (well-formed records only)
 * @param malformed the Kafka rows {@code transform} leaves out
 * @param sink the idempotent MERGE writer
 */
public record TablePipeline(
        LakeTable table,
        UnaryOperator<Dataset<Row>> transform,
        UnaryOperator<Dataset<Row>> malformed,
        TableSink sink) {

    /** The pipelines of the lake. */
    public static List<TablePipeline> all() {
        return List.of(
                new TablePipeline(LakeTable.BRONZE_TITLES,
                        BronzeTitles::fromKafka, BronzeTitles::malformed, InsertOnlySink.bronze()),
                new TablePipeline(LakeTable.SILVER_TITLES,
                        SilverTitles::fromKafka, SilverTitles::malformed, new SilverTitlesSink()),
                new TablePipeline(LakeTable.QUARANTINE_TITLES,
                        QuarantineTitles::fromKafka, QuarantineTitles::malformed, InsertOnlySink.quarantine()),
                new TablePipeline(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY,
                        GoldTitlesByTypeAgeCountry::fromKafka, GoldTitlesByTypeAgeCountry::malformed,
                        new GoldChangelogSink()),
                new TablePipeline(LakeTable.QUALITY_EVENTS,
                        QualityEvents::fromKafka, QualityEvents::malformed, InsertOnlySink.qualityEvents()));
    }

    /** The pipeline of {@code table}. */
    public static TablePipeline of(LakeTable table) {
        return all().stream().filter(p -> p.table() == table).findFirst().orElseThrow();
    }
}
