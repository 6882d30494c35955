package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.event.FileIngested;
import io.netflixlakehouse.contracts.event.FileProgress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which file versions (url, eTag) were ingested: filled at start-up from the compacted manifest topic
 * (its key is the file id of url + eTag, so its latest value per key is the latest outcome of each
 * version), then kept current by each manifest this service publishes. Thread-safe; one entry per
 * file version (a few hundred bytes), not per record.
 */
public final class FileLedger {

    /** url to (eTag to latest status). */
    private final Map<String, Map<String, FileIngested.Status>> versions = new ConcurrentHashMap<>();

    /** file id to records committed (transactional publishing), for files not finished yet. */
    private final Map<String, Long> committed = new ConcurrentHashMap<>();

    /** Takes a progress record (records of a file version committed in a transaction); a lower count is ignored. */
    public void progress(FileProgress progress) {
        committed.merge(progress.id(), progress.records(), Math::max);
    }

    /** Records of a file version already committed, which a new read skips (0: start from the first). */
    public long committedRecords(String fileId) {
        return committed.getOrDefault(fileId, 0L);
    }

    /** Takes a published manifest; manifests without a url (malformed events) are not file versions. */
    public void record(FileIngested manifest) {
        if (manifest.sourceUrl() == null || manifest.eTag() == null) {
            return;
        }
        versions.computeIfAbsent(manifest.sourceUrl(), url -> new ConcurrentHashMap<>())
                .put(manifest.eTag(), manifest.status());
    }

    /** Whether this exact version was ingested to the end. */
    public boolean completed(String url, String eTag) {
        return versions.getOrDefault(url, Map.of()).get(eTag) == FileIngested.Status.COMPLETED;
    }

    /** Whether another version of the blob was ingested to the end (so this one overwrites it). */
    public boolean otherVersionCompleted(String url, String eTag) {
        return versions.getOrDefault(url, Map.of()).entrySet().stream()
                .anyMatch(entry -> !entry.getKey().equals(eTag) && entry.getValue() == FileIngested.Status.COMPLETED);
    }

    /** Number of file versions known. */
    public int size() {
        return versions.values().stream().mapToInt(Map::size).sum();
    }
}
