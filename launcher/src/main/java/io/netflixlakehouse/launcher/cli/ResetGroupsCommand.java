package io.netflixlakehouse.launcher.cli;

import io.netflixlakehouse.launcher.domain.PartitionKey;
import io.netflixlakehouse.launcher.kafka.ConsumerGroupReset;
import io.netflixlakehouse.launcher.kafka.KafkaBroker;
import io.netflixlakehouse.launcher.pipeline.ServiceCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reset-groups", mixinStandardHelpOptions = true,
        description = {"Rewind consumer groups to the earliest offsets of their input topics (replay).",
                "Stop the services first: a group with members is refused. The lake-writer's group never has",
                "members (Spark assigns partitions itself), so no check can see a running lake-writer: stop it too.",
                "Kafka Streams internal topics (<application.id>-*-repartition) are left where they are."})
final class ResetGroupsCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--group", description = "Group to reset; repeat for several (default: all four).")
    List<String> groups;

    @Option(names = "--wait", defaultValue = "30s",
            description = "How long to wait for a group to become empty (default: ${DEFAULT-VALUE}).")
    Duration wait;

    @Option(names = "--remove-stale-members", description = {"Evict members still listed after --wait (a stopped",
            "Kafka Streams client stays a member until its session times out). Only when its process is gone."})
    boolean removeStaleMembers;

    @Override
    public Integer call() throws InterruptedException {
        List<String> targets = groups == null || groups.isEmpty() ? ServiceCatalog.groupIds() : groups;
        try (Admin admin = KafkaBroker.admin(bootstrapServers)) {
            Map<String, Map<PartitionKey, Long>> reset = new ConsumerGroupReset(admin).resetToEarliest(targets,
                    removeStaleMembers ? ConsumerGroupReset.MemberPolicy.REMOVE_STALE
                            : ConsumerGroupReset.MemberPolicy.FAIL,
                    wait);
            reset.forEach((group, offsets) -> System.out.println(group + ": "
                    + (offsets.isEmpty() ? "no committed offsets, nothing to reset" : offsets)));
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("FAILED: " + e.getMessage());
            return 1;
        }
    }
}
