package io.netflixlakehouse.curation.config;

import io.netflixlakehouse.contracts.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.regex.Pattern;

/**
 * Topics of the curation service ({@code lakehouse.curation.*}; env {@code LAKEHOUSE_CURATION_*}).
 * Kafka Streams itself is configured under {@code quarkus.kafka-streams.*} and {@code kafka-streams.*}.
 */
@ConfigMapping(prefix = "lakehouse.curation")
public interface CurationConfig {

    /** Legal Kafka topic names. */
    Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** Topic of validated title records to curate (input). */
    @WithDefault(Topics.TITLES_VALIDATED)
    String validatedTopic();

    /** Topic the curated silver titles are written to. */
    @WithDefault(Topics.TITLES_CURATED)
    String curatedTopic();

    /** Topic the gold changelog per (type, content age, country) is written to. */
    @WithDefault(Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY)
    String goldTopic();

    /** Fails start-up with a message naming the key when a topic name is not a legal Kafka topic name. */
    default void validate() {
        requireTopic("lakehouse.curation.validated-topic", validatedTopic());
        requireTopic("lakehouse.curation.curated-topic", curatedTopic());
        requireTopic("lakehouse.curation.gold-topic", goldTopic());
    }

    private static void requireTopic(String key, String value) {
        if (value == null || !TOPIC_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(key + " must be a Kafka topic name ([a-zA-Z0-9._-], 1-249 chars), got '" + value + "'");
        }
    }
}
