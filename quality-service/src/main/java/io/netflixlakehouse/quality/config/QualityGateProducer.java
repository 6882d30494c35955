package io.netflixlakehouse.quality.config;

import io.netflixlakehouse.contracts.Topics;
import io.netflixlakehouse.quality.domain.DatasetDefinition;
import io.netflixlakehouse.quality.domain.QualityFlow;
import io.netflixlakehouse.quality.domain.QualityGate;
import io.netflixlakehouse.quality.domain.RuleDefinition;
import io.netflixlakehouse.quality.domain.RuleSet;
import io.netflixlakehouse.quality.domain.RuleSetCompiler;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** Compiles every configured rule set once, at start-up; an invalid rule stops the service. */
@ApplicationScoped
public class QualityGateProducer {

    private static final Logger LOG = Logger.getLogger(QualityGateProducer.class);

    /** Runs before the messaging channels are wired, so a bad rule stops the service before it consumes anything. */
    @Produces
    @Singleton
    @Startup(Interceptor.Priority.PLATFORM_BEFORE)
    QualityGate qualityGate(QualityConfig config) {
        RuleSetCompiler compiler = new RuleSetCompiler(Clock.systemUTC());
        List<RuleSet> ruleSets = new ArrayList<>();
        for (Map.Entry<String, QualityConfig.Dataset> entry : new TreeMap<>(config.datasets()).entrySet()) {
            RuleSet ruleSet = compiler.compile(toDefinition(entry.getKey(), entry.getValue()));
            LOG.infof("Dataset '%s': rule set %s with %d expectations %s", ruleSet.dataset(), ruleSet.version(),
                    ruleSet.rules().size(), ruleSet.rules().stream().map(r -> r.name() + "=" + r.action().configName()).toList());
            ruleSets.add(ruleSet);
        }
        return new QualityGate(ruleSets, Clock.systemUTC());
    }

    @Produces
    @Singleton
    QualityFlow qualityFlow(QualityGate gate, QualityConfig config) {
        return new QualityFlow(gate, destinationsOf(config), Clock.systemUTC());
    }

    /** Where each dataset's records go: its own topics if configured, else by the topic it was read from. */
    public static QualityFlow.Destinations destinationsOf(QualityConfig config) {
        return new QualityFlow.Destinations() {
            @Override
            public String validatedTopic(String dataset, String sourceTopic) {
                QualityConfig.Dataset configured = config.datasets().get(dataset);
                if (configured != null && configured.validatedTopic().isPresent()) {
                    return configured.validatedTopic().get();
                }
                return Topics.LOOKUPS_RAW.equals(sourceTopic) ? config.lookupsValidatedTopic() : config.validatedTopic();
            }

            @Override
            public String quarantineTopic(String dataset, String sourceTopic) {
                QualityConfig.Dataset configured = config.datasets().get(dataset);
                if (configured != null && configured.quarantineTopic().isPresent()) {
                    return configured.quarantineTopic().get();
                }
                return Topics.LOOKUPS_RAW.equals(sourceTopic) ? config.lookupsQuarantineTopic() : config.quarantineTopic();
            }

            @Override
            public String eventsTopic() {
                return config.eventsTopic();
            }
        };
    }

    static DatasetDefinition toDefinition(String name, QualityConfig.Dataset dataset) {
        List<RuleDefinition> rules = dataset.rules().entrySet().stream()
                .map(e -> new RuleDefinition(e.getKey(), e.getValue().expression(), e.getValue().action().orElse(null),
                        e.getValue().group().orElse(null)))
                .toList();
        Map<String, String> groups = new TreeMap<>();
        dataset.groups().forEach((group, value) -> groups.put(group, value.expect()));
        return new DatasetDefinition(name, dataset.ruleSetVersion(), dataset.columns(), rules, groups);
    }
}
