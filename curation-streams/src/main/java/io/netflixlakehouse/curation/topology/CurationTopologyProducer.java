package io.netflixlakehouse.curation.topology;

import io.netflixlakehouse.curation.config.CurationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

/** Hands the topology to Quarkus' Kafka Streams extension, which runs it. */
@ApplicationScoped
public class CurationTopologyProducer {

    @Produces
    Topology topology(CurationConfig config) {
        config.validate();
        return CurationTopology.build(
                new CurationTopics(config.validatedTopic(), config.curatedTopic(), config.goldTopic()),
                CurationSerdes.standard());
    }
}
