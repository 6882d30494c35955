package io.netflixlakehouse.quality.config;

import io.netflixlakehouse.contracts.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuration of the quality service: output topics and each dataset's expectations. */
@ConfigMapping(prefix = "lakehouse.quality")
public interface QualityConfig {

    /** Topic for title records that passed every drop/quarantine/fail expectation (datasets without their own). */
    @WithDefault(Topics.TITLES_VALIDATED)
    String validatedTopic();

    /** Topic for quarantined and dropped title records (datasets without their own, unknown datasets from titles). */
    @WithDefault(Topics.TITLES_QUARANTINE)
    String quarantineTopic();

    /** Topic for validated records read from the lookups raw topic (datasets without their own). */
    @WithDefault(Topics.LOOKUPS_VALIDATED)
    String lookupsValidatedTopic();

    /** Topic for quarantined records read from the lookups raw topic (datasets without their own, unknown datasets). */
    @WithDefault(Topics.LOOKUPS_QUARANTINE)
    String lookupsQuarantineTopic();

    /** The quality event log topic. */
    @WithDefault(Topics.QUALITY_EVENTS)
    String eventsTopic();

    /** Re-drive settings. */
    Redrive redrive();

    /** Expectations per dataset, keyed by the dataset name raw records carry (e.g. {@code titles}). */
    Map<String, Dataset> datasets();

    /** Re-drive of quarantined records. */
    interface Redrive {

        /** Consumer group prefix of a re-drive; the dataset name is appended (one group per dataset). */
        @WithDefault("lakehouse-quality-redrive")
        String groupPrefix();

        /** How long a re-drive waits for one poll before it decides the quarantine topic is read to its end. */
        @WithDefault("PT2S")
        java.time.Duration pollTimeout();
    }

    /** One dataset's expectations. */
    interface Dataset {

        /** Version of the rule set, stamped on every validated and quarantined record and quality event. */
        String ruleSetVersion();

        /** The dataset's known columns; a rule naming any other column stops start-up. */
        List<String> columns();

        /** Topic of the dataset's validated records; default from its source topic (titles or lookups). */
        Optional<String> validatedTopic();

        /** Topic of the dataset's quarantined records; default from its source topic (titles or lookups). */
        Optional<String> quarantineTopic();

        /** Rule groups by name. */
        Map<String, Group> groups();

        /** Expectations by name (the name is the reason code); evaluated sorted by name. */
        Map<String, Rule> rules();
    }

    /** A group of rules sharing one action, as Delta Live Tables' expect_all forms. */
    interface Group {

        /** expect_all (warn) | expect_all_or_drop | expect_all_or_quarantine | expect_all_or_fail. */
        String expect();
    }

    /** One expectation. */
    interface Rule {

        /** SQL boolean expression each record must satisfy; only FALSE fails it (NULL passes, as in DLT). */
        String expression();

        /** What a failure does: warn | drop | quarantine | fail; when absent, the group's. */
        Optional<String> action();

        /** The group the rule belongs to. */
        Optional<String> group();
    }
}
