package io.netflixlakehouse.launcher.bench;

import io.netflixlakehouse.launcher.domain.GroupInputs;
import io.netflixlakehouse.launcher.domain.GroupLag;
import io.netflixlakehouse.launcher.domain.StageSample;
import io.netflixlakehouse.launcher.kafka.GroupLagReader;
import io.netflixlakehouse.launcher.kafka.VisibleRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every group's committed offsets and lag (records a read_committed consumer would still get) and keeps
 * the readings, timed from a start instant.
 */
public final class StageSampler {

    private final Admin admin;
    private final List<GroupInputs> groups;
    private final GroupLagReader lagReader;
    private final Instant start;
    private final List<StageSample> samples = new ArrayList<>();

    /** @param probe tells trailing transaction markers from records (lag 0 when only markers are left) */
    public StageSampler(Admin admin, VisibleRecords probe, List<GroupInputs> groups, Instant start) {
        this.admin = admin;
        this.groups = List.copyOf(groups);
        this.lagReader = new GroupLagReader(admin, probe);
        this.start = start;
    }

    public StageSample sample() throws InterruptedException {
        Map<String, Long> committed = new LinkedHashMap<>();
        Map<String, Long> lag = new LinkedHashMap<>();
        for (GroupInputs inputs : groups) {
            GroupLag groupLag = lagReader.read(inputs);
            lag.put(inputs.group(), groupLag.total());
            committed.put(inputs.group(), committedSum(inputs));
        }
        StageSample sample = new StageSample(Duration.between(start, Instant.now()).toMillis(), committed, lag);
        synchronized (samples) {
            samples.add(sample);
        }
        return sample;
    }

    public List<StageSample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private long committedSum(GroupInputs inputs) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(inputs.group())
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            long sum = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
                boolean input = inputs.topics().contains(e.getKey().topic()) || inputs.includeCommittedTopics();
                if (input && e.getValue() != null) {
                    sum += e.getValue().offset();
                }
            }
            return sum;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of group " + inputs.group() + ": "
                    + e.getMessage(), e);
        }
    }
}
