package io.netflixlakehouse.launcher.domain;

/** A topic partition, as a plain value (the domain package does not depend on Kafka's classes). */
public record PartitionKey(String topic, int partition) implements Comparable<PartitionKey> {

    @Override
    public int compareTo(PartitionKey other) {
        int byTopic = topic.compareTo(other.topic);
        return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
