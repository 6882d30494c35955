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

    /** Ids are 32 hex digits: the first 16 bytes of the SHA-256. */
    private static final int ID_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();
    /** A digest per thread: looking one up by name on every record costs more than hashing the record. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(RecordIds::newDigest);

    private RecordIds() {
    }

    /** The id of data record {@code recordNumber} (1-based) of blob {@code url} at version {@code eTag}. */
    public static String of(String url, String eTag, long recordNumber) {
        return sha256(url + '\n' + eTag + '\n' + recordNumber);
    }

    /** The id of one file version (url + eTag), used for ingest manifests. */
    public static String ofFile(String url, String eTag) {
        return sha256(url + '\n' + eTag);
    }

    private static String sha256(String text) {
        byte[] hash = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(hash, 0, ID_BYTES);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
