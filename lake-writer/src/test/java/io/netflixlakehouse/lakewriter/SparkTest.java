package io.netflixlakehouse.lakewriter;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class sharing one local Spark session ({@link Fixtures#spark}) among its tests. */
public abstract class SparkTest {

    protected static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = Fixtures.spark();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }
}
