package io.netflixlakehouse.curation.serde;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;

/** Reads what {@link CompactWriter} wrote; a truncated or overlong value throws {@link SerializationException}. */
final class CompactReader {

    private final byte[] bytes;
    private int position;

    CompactReader(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    int readByte() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    long readLong() {
        long zigzag = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            zigzag |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (zigzag >>> 1) ^ -(zigzag & 1);
            }
        }
        throw new SerializationException("varint longer than 10 bytes at " + position);
    }

    String readString() {
        long lengthPlusOne = readLong();
        if (lengthPlusOne == 0) {
            return null;
        }
        int length = count(lengthPlusOne - 1);
        require(length);
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    Integer readNullableInt() {
        if (readByte() == 0) {
            return null;
        }
        return Math.toIntExact(readLong());
    }

    List<String> readStrings() {
        int size = count(readLong());
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readString());
        }
        return values;
    }

    SortedMap<String, Long> readCounts() {
        int size = count(readLong());
        SortedMap<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            counts.put(readString(), readLong());
        }
        return counts;
    }

    /** Fails unless every byte was read: a longer value is not this format. */
    void requireEnd() {
        if (position != bytes.length) {
            throw new SerializationException((bytes.length - position) + " unread bytes after the value");
        }
    }

    private int count(long value) {
        if (value < 0 || value > bytes.length - position) {
            throw new SerializationException("length " + value + " beyond the value's " + bytes.length + " bytes");
        }
        return (int) value;
    }

    private void require(int length) {
        if (length > bytes.length - position) {
            throw new SerializationException("value truncated at byte " + position + " of " + bytes.length);
        }
    }
}
