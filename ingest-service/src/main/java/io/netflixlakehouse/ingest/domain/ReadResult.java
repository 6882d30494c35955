package io.netflixlakehouse.ingest.domain;

/**
 * The outcome of streaming one file.
 *
 * @param records data records handed to the sink (header excluded)
 * @param raggedRows of those, records with more or fewer values than the header
 * @param rescuedRows of those, records with a {@code _rescued_data} field
 * @param failure why reading stopped early; null when the whole file was read
 */
public record ReadResult(long records, long raggedRows, long rescuedRows, Failure failure) {

    public boolean complete() {
        return failure == null;
    }
}
