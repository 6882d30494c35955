package io.netflixlakehouse.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One golden JSON sample per topic, shipped on the classpath so that every reader of a topic
 * (including the Spark schemas of the lake-writer) is tested against the same bytes.
 */
public final class GoldenSamples {

    private GoldenSamples() {
    }

    /** Classpath resource of the golden sample of {@code topic}. */
    public static String resource(String topic) {
        return "/io/netflixlakehouse/contracts/golden/" + topic + ".json";
    }

    /** The golden sample of {@code topic} as text. */
    public static String read(String topic) {
        try (InputStream in = GoldenSamples.class.getResourceAsStream(resource(topic))) {
            if (in == null) {
                throw new IllegalArgumentException("No golden sample for topic " + topic);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
