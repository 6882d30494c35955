package io.netflixlakehouse.launcher.domain;

import java.util.List;

/**
 * The input topics of one consumer group: what "drained" means for it.
 *
 * @param group the consumer group (or Kafka Streams application.id)
 * @param topics topics it must have consumed to their end
 * @param includeCommittedTopics also count every other topic the group has committed offsets for (a Kafka Streams
 *     application's internal repartition topics)
 */
public record GroupInputs(String group, List<String> topics, boolean includeCommittedTopics) {

    public GroupInputs {
        topics = List.copyOf(topics);
    }
}
