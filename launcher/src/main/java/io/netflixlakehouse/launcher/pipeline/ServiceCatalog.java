package io.netflixlakehouse.launcher.pipeline;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.launcher.domain.GroupInputs;
import io.netflixlakehouse.launcher.process.Java;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The four services of the pipeline and how each one runs: the one place that knows their commands, heaps,
 * environment variables, HTTP ports and consumer groups. The launcher and the end-to-end test both use it.
 */
public final class ServiceCatalog {

    public static final String INGEST = "ingest-service";
    public static final String QUALITY = "quality-service";
    public static final String CURATION = "curation-streams";
    public static final String LAKE_WRITER = "lake-writer";

    /** Start order: upstream first (and stop order is the reverse). */
    public static final List<String> NAMES = List.of(INGEST, QUALITY, CURATION, LAKE_WRITER);

    /** Services with an HTTP port (Quarkus: health, metrics). */
    public static final List<String> HTTP_SERVICES = List.of(INGEST, QUALITY, CURATION);

    public static final String INGEST_GROUP = "lakehouse-ingest";
    public static final String QUALITY_GROUP = "lakehouse-quality";
    public static final String CURATION_GROUP = "lakehouse-curation";
    public static final String LAKE_WRITER_GROUP = "lakehouse-lake-writer";

    /**
     * What the services need to know about this run.
     *
     * @param home the repository root (holds every module's build output)
     * @param bootstrapServers the broker
     * @param run the run folders
     * @param httpPorts a free port per {@link #HTTP_SERVICES} entry
     */
    public record Context(Path home, String bootstrapServers, RunLayout run, Map<String, Integer> httpPorts) {
    }

    private ServiceCatalog() {
    }

    public static List<ServiceSpec> services(Context ctx) {
        Path home = ctx.home().toAbsolutePath().normalize();
        String java = Java.executable().toString();
        List<ServiceSpec> specs = new ArrayList<>();

        Path ingestJar = quarkusRunJar(home, INGEST);
        int ingestPort = port(ctx, INGEST);
        specs.add(new ServiceSpec(INGEST, ingestJar,
                List.of(java, "-Xmx256m", Java.GC, "-jar", ingestJar.toString()),
                quarkusEnv(ctx, ingestPort, Map.of(
                        "LAKEHOUSE_INGEST_LANDING_ROOT", ctx.run().landing().toString(),
                        "LAKEHOUSE_INGEST_STATE_DIR", ctx.run().state("ingest").toString())),
                OptionalInt.of(ingestPort),
                new GroupInputs(INGEST_GROUP, List.of(Topics.BLOB_EVENTS), false)));

        Path qualityJar = quarkusRunJar(home, QUALITY);
        int qualityPort = port(ctx, QUALITY);
        specs.add(new ServiceSpec(QUALITY, qualityJar,
                List.of(java, "-Xmx256m", Java.GC, "-jar", qualityJar.toString()),
                quarkusEnv(ctx, qualityPort, Map.of()),
                OptionalInt.of(qualityPort),
                new GroupInputs(QUALITY_GROUP, List.of(Topics.TITLES_RAW, Topics.LOOKUPS_RAW), false)));

        Path curationJar = quarkusRunJar(home, CURATION);
        int curationPort = port(ctx, CURATION);
        String streamsState = ctx.run().state("streams").toString();
        specs.add(new ServiceSpec(CURATION, curationJar,
                List.of(java, "-Xmx384m", Java.GC, "-jar", curationJar.toString()),
                quarkusEnv(ctx, curationPort, Map.of("KAFKA_STREAMS_STATE_DIR", streamsState)),
                OptionalInt.of(curationPort),
                // Its internal repartition topics count too: every topic the group has offsets for.
                new GroupInputs(CURATION_GROUP, List.of(Topics.TITLES_VALIDATED), true)));

        Path lakeWriter = lakeWriterScript(home);
        specs.add(new ServiceSpec(LAKE_WRITER, lakeWriter,
                List.of(lakeWriter.toString(), "stream",
                        "--bootstrap-servers", ctx.bootstrapServers(),
                        "--lake-root", ctx.run().lake().toString()),
                Map.of("JAVA_HOME", Java.home().toString()),
                OptionalInt.empty(),
                new GroupInputs(LAKE_WRITER_GROUP, List.of(Topics.TITLES_RAW, Topics.TITLES_QUARANTINE,
                        Topics.TITLES_CURATED, Topics.GOLD_TITLES_BY_TYPE_AGE_COUNTRY, Topics.QUALITY_EVENTS), false)));
        return specs;
    }

    /** Every consumer group and its inputs, upstream first. */
    public static List<GroupInputs> consumerGroups(List<ServiceSpec> services) {
        return services.stream().map(ServiceSpec::consumes).toList();
    }

    public static List<String> groupIds() {
        return List.of(INGEST_GROUP, QUALITY_GROUP, CURATION_GROUP, LAKE_WRITER_GROUP);
    }

    /** Files the pipeline runs from, by what builds them; empty when everything is built. */
    public static Map<String, Path> missingArtifacts(Path home) {
        Map<String, Path> required = new LinkedHashMap<>();
        required.put("launcher (Kafka broker classpath)", brokerLib(home));
        required.put(INGEST, quarkusRunJar(home, INGEST));
        required.put(QUALITY, quarkusRunJar(home, QUALITY));
        required.put(CURATION, quarkusRunJar(home, CURATION));
        required.put(LAKE_WRITER, lakeWriterScript(home));
        required.put(LAKE_WRITER + " (its classpath)", home.resolve(LAKE_WRITER).resolve("target").resolve("lib"));
        Map<String, Path> missing = new LinkedHashMap<>();
        required.forEach((what, path) -> {
            if (!Files.exists(path)) {
                missing.put(what, path);
            }
        });
        return missing;
    }

    public static Path brokerLib(Path home) {
        return home.resolve("launcher").resolve("target").resolve("kafka-broker").resolve("lib");
    }

    public static Path quarkusRunJar(Path home, String module) {
        return home.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public static Path lakeWriterScript(Path home) {
        return home.resolve(LAKE_WRITER).resolve("bin").resolve("lake-writer");
    }

    private static Map<String, String> quarkusEnv(Context ctx, int port, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", ctx.bootstrapServers());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("JAVA_HOME", Java.home().toString());
        env.putAll(extra);
        return env;
    }

    private static int port(Context ctx, String service) {
        Integer port = ctx.httpPorts().get(service);
        if (port == null) {
            throw new IllegalArgumentException("no HTTP port given for " + service);
        }
        return port;
    }
}
