package io.netflixlakehouse.quality.rest;

import io.netflixlakehouse.contracts.serde.Json;
import io.netflixlakehouse.quality.config.QualityConfig;
import io.netflixlakehouse.quality.domain.QualityFlow;
import io.netflixlakehouse.quality.domain.QualityGate;
import io.netflixlakehouse.quality.domain.Redrive;
import io.netflixlakehouse.quality.messaging.RedriveRunner;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code POST /quality/redrive?dataset=<name>}: re-validates the dataset's quarantined records with the rules this
 * instance loaded at start-up and sends those that now pass to the validated topic, exactly once
 * ({@link RedriveRunner}). Answers 200 with the counts as JSON, 404 for a dataset without rules, 409 while another
 * re-drive runs in this instance.
 */
@ApplicationScoped
public class RedriveRoute {

    private static final Logger LOG = Logger.getLogger(RedriveRoute.class);

    private final QualityGate gate;
    private final RedriveRunner runner;
    private final ReentrantLock running = new ReentrantLock();

    RedriveRoute(QualityGate gate, QualityFlow flow, QualityConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.gate = gate;
        QualityFlow.Destinations destinations = io.netflixlakehouse.quality.config.QualityGateProducer.destinationsOf(config);
        this.runner = new RedriveRunner(bootstrapServers, config, destinations, new Redrive(gate, destinations, Clock.systemUTC()));
    }

    void register(@Observes Router router) {
        router.post("/quality/redrive").blockingHandler(this::redrive, false);
    }

    private void redrive(RoutingContext ctx) {
        String dataset = ctx.queryParams().get("dataset");
        if (dataset == null || !gate.ruleSets().containsKey(dataset)) {
            reply(ctx, 404, Map.of("error", "UNKNOWN_DATASET", "dataset", String.valueOf(dataset),
                    "datasets", gate.ruleSets().keySet().stream().sorted().toList()));
            return;
        }
        if (!running.tryLock()) {
            reply(ctx, 409, Map.of("error", "REDRIVE_RUNNING"));
            return;
        }
        try {
            RedriveRunner.Result result = runner.run(dataset, gate.ruleSets().get(dataset).version());
            LOG.infof("Re-drive of '%s' with rule set %s: read %d, released %d, still quarantined %d", dataset,
                    result.ruleSetVersion(), result.read(), result.released(), result.stillQuarantined());
            reply(ctx, 200, result);
        } catch (RuntimeException e) {
            LOG.errorf("REDRIVE_FAILED for dataset '%s': %s", dataset, e.toString());
            reply(ctx, 500, Map.of("error", "REDRIVE_FAILED", "dataset", dataset, "message", String.valueOf(e.getMessage())));
        } finally {
            running.unlock();
        }
    }

    private static void reply(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(Json.mapper().writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }
}
