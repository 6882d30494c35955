package io.netflixlakehouse.lakewriter.job;

import io.netflixlakehouse.lakewriter.config.LakeTable;
import io.netflixlakehouse.lakewriter.sink.GoldChangelogSink;
import io.netflixlakehouse.lakewriter.sink.InsertOnlySink;
import io.netflixlakehouse.lakewriter.sink.SilverTitlesSink;
import io.netflixlakehouse.lakewriter.sink.TableSink;
import io.netflixlakehouse.lakewriter.transform.BronzeTitles;
import io.netflixlakehouse.lakewriter.transform.GoldTitlesByTypeAgeCountry;
import io.netflixlakehouse.lakewriter.transform.KafkaColumns;
import io.netflixlakehouse.lakewriter.transform.QualityEvents;
import io.netflixlakehouse.lakewriter.transform.QuarantineTitles;
import io.netflixlakehouse.lakewriter.transform.SilverTitles;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One topic into one table: the parse of a Kafka batch, the projection of the parsed rows to table rows, the
 * test that tells the rows it keeps from the malformed ones, and the sink.
 *
 * @param table the table
 * @param parse Kafka rows to parsed rows ({@link KafkaColumns#parse} with the topic's value schema; a changelog
 *     keeps only each key's last change of the batch)
 * @param rows parsed rows to table rows (well-formed records only)
 * @param wellFormed over a parsed batch: true for the rows {@code rows} keeps
 * @param sink the idempotent MERGE writer
 */
public record TablePipeline(
        LakeTable table,
        UnaryOperator<Dataset<Row>> parse,
        UnaryOperator<Dataset<Row>> rows,
        Supplier<Column> wellFormed,
        TableSink sink) {

    /** The pipelines of the lake. */
    public static List<TablePipeline> all() {
        return List.of(
                new TablePipeline(LakeTable.BRONZE_TITLES, BronzeTitles::parse,
                        BronzeTitles::fromParsed, BronzeTitles::wellFormed, InsertOnlySink.bronze()),
                new TablePipeline(LakeTable.SILVER_TITLES, SilverTitles::parse,
                        SilverTitles::fromParsed, SilverTitles::wellFormed, new SilverTitlesSink()),
                new TablePipeline(LakeTable.QUARANTINE_TITLES, QuarantineTitles::parse,
                        QuarantineTitles::fromParsed, QuarantineTitles::wellFormed, InsertOnlySink.quarantine()),
                new TablePipeline(LakeTable.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, GoldTitlesByTypeAgeCountry::parse,
                        GoldTitlesByTypeAgeCountry::fromParsed, GoldTitlesByTypeAgeCountry::wellFormed,
                        new GoldChangelogSink()),
                new TablePipeline(LakeTable.QUALITY_EVENTS, QualityEvents::parse,
                        QualityEvents::fromParsed, QualityEvents::wellFormed, InsertOnlySink.qualityEvents()));
    }

    /** The pipeline of {@code table}. */
    public static TablePipeline of(LakeTable table) {
        return all().stream().filter(p -> p.table() == table).findFirst().orElseThrow();
    }

    /** The parsed Kafka rows that {@link #transform} leaves out (reason MALFORMED_VALUE). */
    public Dataset<Row> malformed(Dataset<Row> kafka) {
        return parse.apply(kafka).filter(wellFormed.get().unary_$bang());
    }

    /** Kafka rows to table rows (well-formed records only): {@link #parse} then {@link #rows}. */
    public UnaryOperator<Dataset<Row>> transform() {
        return kafka -> rows.apply(parse.apply(kafka));
    }
}
