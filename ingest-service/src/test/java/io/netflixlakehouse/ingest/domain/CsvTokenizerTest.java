package io.netflixlakehouse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {

    private static final String ALPHABET = "ab,\"\n\r\u00e9 ";

    private static final String TRICKY = "a,b,c\r\n"
            + "\"x, y\",\"say \"\"hi\"\"\",\r\n"
            + "\"two\r\nlines\",\"lf\nonly\",\"cr\ronly\"\n"
            + "\n"
            + "caf\u00e9,\"\u00fcber \"\"\u00e9\"\"\",end\r"
            + "plain\"quote,\"\"  ,last\n"
            + "\"closed\"  ,x,y\n"
            + ",,\n"
            + "no,newline,at end";

    @Test
    void shouldSplitAsCommonsCsvDoesAtEveryBufferBoundary() throws IOException {
        byte[] bytes = TRICKY.getBytes(StandardCharsets.UTF_8);
        List<List<String>> expected = commons(TRICKY);

        assertThat(tokenize(new ByteArrayInputStream(bytes))).isEqualTo(expected);
        assertThat(tokenize(new OneByteAtATime(new ByteArrayInputStream(bytes)))).isEqualTo(expected);
    }

    @Test
    void shouldReadValuesLongerThanItsBufferAsCommonsCsvDoes() throws IOException {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder("id,text\n");
        for (int row = 0; row < 40; row++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(row % 10 == 0 ? 200_000 : 300);
            for (int i = 0; i < length; i++) {
                value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            text.append(row).append(",\"").append(value.toString().replace("\"", "\"\"")).append("\"\r\n");
        }
        String csv = text.toString();

        assertThat(tokenize(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))).isEqualTo(commons(csv));
    }

    @Test
    void shouldFindEveryDelimiterQuoteAndLineBreakWhereverItFallsInAWordAsCommonsCsvDoes() throws IOException {
        Random random = new Random(11);
        String plain = "abcdefgh \u00e9\u20ac";
        String special = ",\"\n\r";
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < 3000; row++) {
            int values = 1 + random.nextInt(4);
            for (int v = 0; v < values; v++) {
                text.append(v > 0 ? "," : "");
                StringBuilder value = new StringBuilder();
                boolean quoted = random.nextBoolean();
                for (int i = random.nextInt(30); i > 0; i--) {
                    boolean withSpecial = quoted && random.nextInt(6) == 0;
                    String from = withSpecial ? special : plain;
                    value.append(from.charAt(random.nextInt(from.length())));
                }
                text.append(quoted ? "\"" + value.toString().replace("\"", "\"\"") + "\"" : value);
            }
            text.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        String csv = text.toString();
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        List<List<String>> expected = commons(csv);

        assertThat(tokenize(new ByteArrayInputStream(bytes))).isEqualTo(expected);
        assertThat(tokenize(new OneByteAtATime(new ByteArrayInputStream(bytes)))).isEqualTo(expected);
    }

    @Test
    void shouldHoldTheSameBytesHoweverLongTheFileIs() throws IOException {
        byte[] row = "s1,Movie,\"A title, with a comma\",\"a description\nover two lines\",2021\r\n"
                .getBytes(StandardCharsets.UTF_8);
        long rows = 400_000;
        CsvTokenizer tokenizer = new CsvTokenizer(new RepeatedRows(row, rows), CsvOptions.DEFAULT);

        long read = 0;
        while (tokenizer.next()) {
            read++;
        }

        assertThat(read).isEqualTo(rows);
        assertThat(tokenizer.lines()).isEqualTo(2 * rows);
        assertThat(tokenizer.bufferBytes()).isEqualTo(1 << 16);
    }

    @Test
    void shouldCountPhysicalLinesAndTellARecordThatSpansLines() throws IOException {
        CsvTokenizer tokenizer = new CsvTokenizer(new ByteArrayInputStream(
                "a,b\r\n\"x\r\ny\",z\rc,d\n".getBytes(StandardCharsets.UTF_8)), CsvOptions.DEFAULT);

        assertThat(tokenizer.next()).isTrue();
        assertThat(tokenizer.lines()).isEqualTo(1);
        assertThat(tokenizer.spansLines()).isFalse();
        assertThat(tokenizer.next()).isTrue();
        assertThat(tokenizer.lines()).isEqualTo(3);
        assertThat(tokenizer.spansLines()).isTrue();
        assertThat(tokenizer.next()).isTrue();
        assertThat(tokenizer.lines()).isEqualTo(4);
        assertThat(tokenizer.next()).isFalse();
    }

    @Test
    void shouldRefuseAnUnterminatedQuoteTextAfterAClosingQuoteAndInvalidBytes() {
        assertThatThrownBy(() -> tokenize(new ByteArrayInputStream("a\n\"open\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CsvTokenizer.Malformed.class);
        assertThatThrownBy(() -> tokenize(new ByteArrayInputStream("\"a\"b,c\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CsvTokenizer.Malformed.class);
        assertThatThrownBy(() -> tokenize(new ByteArrayInputStream(new byte[] {'a', ',', (byte) 0xC3, '(', '\n'})))
                .isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void shouldLeaveEscapesAndMultiByteEncodingsToTheGeneralParser() {
        assertThat(CsvTokenizer.supports(CsvOptions.DEFAULT)).isTrue();
        assertThat(CsvTokenizer.supports(new CsvOptions(true, ';', '\'', null, StandardCharsets.ISO_8859_1, true))).isTrue();
        assertThat(CsvTokenizer.supports(new CsvOptions(true, ',', '"', '\\', StandardCharsets.UTF_8, true))).isFalse();
        assertThat(CsvTokenizer.supports(new CsvOptions(true, ',', '"', null, StandardCharsets.UTF_16, true))).isFalse();
    }

    private static List<List<String>> tokenize(InputStream input) throws IOException {
        CsvTokenizer tokenizer = new CsvTokenizer(input, CsvOptions.DEFAULT);
        List<List<String>> rows = new ArrayList<>();
        while (tokenizer.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < tokenizer.size(); i++) {
                row.add(tokenizer.value(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> commons(String csv) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(format).get()) {
            for (CSVRecord row : parser) {
                rows.add(row.toList());
            }
        }
        return rows;
    }

    /** A file of one row repeated, made while it is read (the test holds no file in memory). */
    private static final class RepeatedRows extends InputStream {
        private final byte[] row;
        private final long bytes;
        private long position;

        RepeatedRows(byte[] row, long rows) {
            this.row = row;
            this.bytes = row.length * rows;
        }

        @Override
        public int read() {
            return position < bytes ? row[(int) (position++ % row.length)] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= bytes) {
                return -1;
            }
            int n = (int) Math.min(len, bytes - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = row[(int) (position++ % row.length)];
            }
            return n;
        }
    }

    /** Hands over one byte per read, so every value crosses a read boundary. */
    private static final class OneByteAtATime extends FilterInputStream {
        OneByteAtATime(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
