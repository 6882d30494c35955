package io.netflixlakehouse.launcher.kafka;

import io.netflixlakehouse.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates every pipeline topic ({@link Topics#ALL}); compacted ones get {@code cleanup.policy=compact}. */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** The topics to create, with {@link Topics#DEFAULT_PARTITIONS} partitions and replication factor 1. */
    public static List<NewTopic> newTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : Topics.ALL) {
            NewTopic topic = new NewTopic(name, Topics.DEFAULT_PARTITIONS, (short) 1);
            if (Topics.COMPACTED.contains(name)) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(topic);
        }
        return topics;
    }

    /** Creates the topics that do not exist yet and waits until the broker lists all of them. */
    public static void createAll(Admin admin) throws InterruptedException {
        try {
            var result = admin.createTopics(newTopics());
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            // a created topic reaches the broker's metadata a moment after the controller accepted it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Set<String> listed = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            while (!listed.containsAll(Topics.ALL)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics missing 30 s after creation; the broker lists " + listed);
                }
                Thread.sleep(100);
                listed = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the pipeline topics: " + e.getMessage(), e);
        }
    }
}
