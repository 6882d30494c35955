package io.netflixlakehouse.curation.topology;

import io.netflixlakehouse.contracts.Topics;

/**
 * The topics the curation topology reads and writes.
 *
 * @param validated input: validated title records keyed by show_id
 * @param curated output: silver titles keyed by show_id
 * @param gold output: gold changelog keyed by {@code type|contentAgeCategory|country}
 */
public record CurationTopics(String validated, String curated, String gold) {

    /** The contract topic names. */
    public static CurationTopics defaults() {
        return new CurationTopics(Topics.TITLES_VALIDATED, Topics.TITLES_CURATED, Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY);
    }
}
