package io.netflixlakehouse.quality.messaging;

import io.netflixlakehouse.contracts.event.RawRecord;
import io.netflixlakehouse.quality.config.QualityConfig;
import io.netflixlakehouse.quality.domain.Decision;
import io.netflixlakehouse.quality.domain.QualityGate;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * Routes each raw record to the validated or the quarantine topic through one outgoing channel (the
 * topic is set per message). The output message carries the input's acknowledgement, so the input
 * offset is committed only after the broker acknowledged the output. A failed {@code fail} rule nacks
 * the input; the channel's failure strategy {@code fail} then stops consumption.
 */
@ApplicationScoped
public class RawRecordRouter {

    private static final Logger LOG = Logger.getLogger(RawRecordRouter.class);

    private final QualityGate gate;
    private final QualityMetrics metrics;
    private final String validatedTopic;
    private final String quarantineTopic;

    RawRecordRouter(QualityGate gate, QualityMetrics metrics, QualityConfig config) {
        this.gate = gate;
        this.metrics = metrics;
        this.validatedTopic = config.validatedTopic();
        this.quarantineTopic = config.quarantineTopic();
    }

    @Incoming("titles-raw")
    @Outgoing("titles-checked")
    public Message<Object> route(Message<RawRecord> in) {
        RawRecord raw = in.getPayload();
        if (raw == null) {
            // A tombstone carries no record: nothing to judge, nothing lost.
            metrics.tombstone();
            in.ack();
            return null;
        }
        Decision decision = gate.judge(raw);
        metrics.record(decision);
        if (decision instanceof Decision.Validated validated) {
            return forward(in, validated.record(), raw.key(), validatedTopic);
        }
        if (decision instanceof Decision.Quarantined quarantined) {
            return forward(in, quarantined.record(), raw.key(), quarantineTopic);
        }
        Decision.Stopped stopped = (Decision.Stopped) decision;
        LOG.error("Stopping the flow: " + stopped.error().getMessage());
        in.nack(stopped.error());
        return null;
    }

    private static Message<Object> forward(Message<RawRecord> in, Object record, String key, String topic) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withTopic(topic)
                .build();
        return in.<Object>withPayload(record).addMetadata(metadata);
    }
}
