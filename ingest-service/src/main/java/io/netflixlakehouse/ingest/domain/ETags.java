package io.netflixlakehouse.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The version tag of a landed file, shaped like Azure's ({@code 0x} + 16 upper-case hex digits). */
public final class ETags {

    private ETags() {
    }

    /** Deterministic: the same size and modification time always give the same tag. */
    public static String of(long size, long modifiedNanos) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((size + ":" + modifiedNanos).getBytes(StandardCharsets.UTF_8));
            return "0x" + HexFormat.of().formatHex(digest, 0, 8).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
