package io.netflixlakehouse.curation.serde;

/** Writes and reads the fields of one internal value type, after the format byte. */
interface CompactCodec<T> {

    void write(T value, CompactWriter out);

    T read(CompactReader in);
}
