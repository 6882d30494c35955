package io.netflixlakehouse.ingest.domain;

import io.netflixlakehouse.contracts.event.RawRecord;

/** Where the records of one file go (Kafka in the service). One sink per file. */
public interface RecordSink {

    /** Hands over one record; may block for back-pressure. @throws PublishFailed if the sink has failed */
    void publish(DatasetSpec dataset, RawRecord record);

    /** Blocks until every record handed over is acknowledged. @throws PublishFailed if any was not */
    void flush();

    /** The sink cannot guarantee delivery of the file's records. */
    final class PublishFailed extends RuntimeException {
        public PublishFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
