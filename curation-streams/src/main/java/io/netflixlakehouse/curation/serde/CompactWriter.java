package io.netflixlakehouse.curation.serde;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Appends varints and length-prefixed UTF-8 strings to a growing byte array. */
final class CompactWriter {

    private byte[] buffer = new byte[128];
    private int size;

    void writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    /** Zig-zag varint: small magnitudes of either sign take one byte. */
    void writeLong(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        ensure(10);
        while ((zigzag & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        buffer[size++] = (byte) zigzag;
    }

    /** Null as length 0, else length + 1 and the UTF-8 bytes. */
    void writeString(String value) {
        if (value == null) {
            writeLong(0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeLong(bytes.length + 1L);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    /** A 0 byte for null, else a 1 byte and the value. */
    void writeNullableInt(Integer value) {
        if (value == null) {
            writeByte(0);
        } else {
            writeByte(1);
            writeLong(value);
        }
    }

    void writeStrings(List<String> values) {
        writeLong(values.size());
        for (String value : values) {
            writeString(value);
        }
    }

    /** A map's entries in its iteration order (sorted for the sorted maps written here). */
    void writeCounts(Map<String, Long> counts) {
        writeLong(counts.size());
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            writeString(entry.getKey());
            writeLong(entry.getValue());
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
