package io.netflixlakehouse.contracts.serde;

import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for one contract record type; null stays null (a tombstone). A value that
 * is not valid JSON for the type throws {@link SerializationException}, which each consumer
 * handles with its own named policy.
 */
public class JsonDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    public JsonDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(data, type);
        } catch (IOException e) {
            throw new SerializationException("Not a valid " + type.getSimpleName() + " on topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
