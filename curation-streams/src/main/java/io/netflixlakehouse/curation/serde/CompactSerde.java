package io.netflixlakehouse.curation.serde;

import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde of the module's own compact binary format, for its state stores and repartition topic
 * only (public topics stay the contracts' JSON). Every value starts with a format byte, so a value
 * of another format (such as the JSON state of an earlier release, which starts with '{') fails
 * with a message instead of being misread. Null stays null (a tombstone).
 */
final class CompactSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final String name;
    private final int format;
    private final CompactCodec<T> codec;

    CompactSerde(String name, int format, CompactCodec<T> codec) {
        this.name = name;
        this.format = format;
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        CompactWriter out = new CompactWriter();
        out.writeByte(format);
        codec.write(value, out);
        return out.toByteArray();
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 0 || (bytes[0] & 0xFF) != format) {
            throw new SerializationException(String.format(
                    "Not a %s (format 0x%02x) on %s: first byte %s. State or repartition records of another release"
                            + " need an application reset (see curation-streams/README.md)",
                    name, format, topic, bytes.length == 0 ? "missing" : String.format("0x%02x", bytes[0] & 0xFF)));
        }
        try {
            CompactReader in = new CompactReader(bytes, 1);
            T value = codec.read(in);
            in.requireEnd();
            return value;
        } catch (SerializationException | IllegalArgumentException | ArithmeticException e) {
            throw new SerializationException("Not a valid " + name + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure.
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
