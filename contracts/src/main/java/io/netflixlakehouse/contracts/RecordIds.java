package io.netflixlakehouse.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic record ids: the same row of the same file version always gets the same id, so a
 * replayed or re-delivered record is recognised downstream (Delta MERGE on {@code record_id}).
 */
public final class RecordIds {

    private RecordIds() {
    }

    /** The id of data record {@code recordNumber} (1-based) of blob {@code url} at version {@code eTag}. */
    public static String of(String url, String eTag, long recordNumber) {
        return sha256(url + '\n' + eTag + '\n' + recordNumber).substring(0, 32);
    }

    /** The id of one file version (url + eTag), used for ingest manifests. */
    public static String ofFile(String url, String eTag) {
        return sha256(url + '\n' + eTag).substring(0, 32);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
