package io.netflixlakehouse.quality.config;

import io.netflixlakehouse.contracts.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/** Configuration of the quality service: output topics and each dataset's expectations. */
@ConfigMapping(prefix = "lakehouse.quality")
public interface QualityConfig {

    /** Topic for records that passed every drop/quarantine/fail expectation. */
    @WithDefault(Topics.TITLES_VALIDATED)
    String validatedTopic();

    /** Topic for quarantined and dropped records, with the failed rules and the values they read. */
    @WithDefault(Topics.TITLES_QUARANTINE)
    String quarantineTopic();

    /** Expectations per dataset, keyed by the dataset name raw records carry (e.g. {@code titles}). */
    Map<String, Dataset> datasets();

    /** One dataset's expectations. */
    interface Dataset {

        /** Version of the rule set, stamped on every validated and quarantined record. */
        String ruleSetVersion();

        /** The dataset's known columns; a rule naming any other column stops start-up. */
        List<String> columns();

        /** Expectations by name (the name is the reason code); evaluated sorted by name. */
        Map<String, Rule> rules();
    }

    /** One expectation. */
    interface Rule {

        /** SQL boolean expression each record must satisfy; only FALSE fails it (NULL passes, as in DLT). */
        String expression();

        /** What a failure does: warn | drop | quarantine | fail. */
        String action();
    }
}
