package io.netflixlakehouse.ingest.domain;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * RFC 4180 records straight from the bytes of a file in an ASCII-compatible encoding (UTF-8, US-ASCII,
 * ISO-8859-1) without an escape character: values are split on the delimiter, CR, LF or CRLF end a record,
 * a value starting with the quote may hold delimiters and line breaks ({@code ""} is one quote), blanks
 * after a closing quote are ignored. A value is decoded once, and only a value with a byte above 127 goes
 * through the (reporting) decoder. The scan for the next delimiter, quote or line break reads eight bytes at a
 * time. Memory: a 64 KiB buffer, grown only to hold the longest value.
 *
 * <p>Lines are physical: CR, LF and CRLF each count one, inside quoted values too. An unterminated quote or
 * text after a closing quote is a {@link Malformed} exception; bytes invalid in the encoding a
 * {@link CharacterCodingException}.
 */
final class CsvTokenizer {

    private static final Set<Charset> SUPPORTED = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
            StandardCharsets.ISO_8859_1);
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final int BUFFER = 1 << 16;
    /** Eight bytes of the buffer read as one long: a word without a special byte is skipped in one step. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CR_WORD = ONES * CR;
    private static final long LF_WORD = ONES * LF;

    /** The input is not RFC 4180 (an unterminated quote, text after a closing quote). */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private final InputStream input;
    private final byte delimiter;
    private final byte quote;
    private final long delimiterWord;
    private final long quoteWord;
    private final CharsetDecoder decoder;
    private final boolean latin1;
    private final boolean utf8;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    /** Set by {@link #skipPlainWords}: whether a byte it skipped was not ASCII. */
    private boolean skippedHigh;
    private boolean eof;
    private long lines;
    private String[] values = new String[16];
    private int size;
    private boolean spansLines;

    CsvTokenizer(InputStream input, CsvOptions options) {
        this.input = input;
        this.delimiter = (byte) options.delimiter();
        this.quote = (byte) options.quote();
        this.delimiterWord = ONES * (delimiter & 0xFF);
        this.quoteWord = ONES * (quote & 0xFF);
        this.latin1 = options.encoding().equals(StandardCharsets.ISO_8859_1);
        this.utf8 = options.encoding().equals(StandardCharsets.UTF_8);
        this.decoder = options.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Whether these options can be read by this tokenizer (otherwise the general, char-based parser reads them). */
    static boolean supports(CsvOptions options) {
        return options.escape() == null && SUPPORTED.contains(options.encoding())
                && options.delimiter() < 128 && options.quote() < 128
                && options.delimiter() != '\r' && options.delimiter() != '\n'
                && options.quote() != '\r' && options.quote() != '\n' && options.quote() != options.delimiter();
    }

    /** Line breaks read so far (the next record starts on line {@code lines() + 1}). */
    long lines() {
        return lines;
    }

    /** Reads the next record; false at the end of the input. Its values are {@link #value}(0 .. size-1). */
    boolean next() throws IOException {
        size = 0;
        spansLines = false;
        if (pos == limit && !fill()) {
            return false;
        }
        while (true) {
            if (pos == limit && !fill()) {
                // a delimiter ended the input: its record ends with an empty value
                append("");
                return true;
            }
            boolean more = buf[pos] == quote ? quoted() : simple();
            if (!more) {
                return true;
            }
        }
    }

    int size() {
        return size;
    }

    String value(int index) {
        return values[index];
    }

    /** Bytes held for reading: 64 KiB, or the longest value read so far rounded up to a power of two. */
    int bufferBytes() {
        return buf.length;
    }

    /** Whether the last record held a line break inside a quoted value. */
    boolean spansLines() {
        return spansLines;
    }

    /** An unquoted value; true when a delimiter follows (another value of the record comes). */
    private boolean simple() throws IOException {
        int start = pos;
        int high = 0;
        byte delim = delimiter;
        while (true) {
            if (pos == limit) {
                int shift = compactFrom(start);
                start -= shift;
                if (!fill()) {
                    add(start, pos, high);
                    return false;
                }
            }
            byte[] b = buf;
            int end = limit;
            int p = skipPlainWords(b, pos, end, delimiterWord);
            if (skippedHigh) {
                high = -1;
            }
            while (p < end) {
                byte c = b[p];
                if (c == delim) {
                    add(start, p, high);
                    pos = p + 1;
                    return true;
                }
                if (c == LF || c == CR) {
                    add(start, p, high);
                    pos = p;
                    endOfLine();
                    return false;
                }
                high |= c;
                p++;
            }
            pos = p;
        }
    }

    /**
     * From {@code p}, skips the whole 8-byte words that hold neither {@code stopWord}'s byte nor a line break (the
     * byte loop after it finds that byte within the next eight); {@link #skippedHigh} tells whether a skipped byte
     * was not ASCII.
     */
    private int skipPlainWords(byte[] b, int p, int end, long stopWord) {
        long seen = 0;
        while (p + Long.BYTES <= end) {
            long word = (long) WORDS.get(b, p);
            if ((zeroBytes(word ^ stopWord) | zeroBytes(word ^ LF_WORD) | zeroBytes(word ^ CR_WORD)) != 0) {
                break;
            }
            seen |= word;
            p += Long.BYTES;
        }
        skippedHigh = (seen & HIGHS) != 0;
        return p;
    }

    /** A quoted value (pos at its opening quote); true when a delimiter follows. */
    private boolean quoted() throws IOException {
        pos++;
        int start = pos;
        int high = 0;
        boolean doubled = false;
        byte q = quote;
        while (true) {
            if (pos == limit) {
                int shift = compactFrom(start);
                start -= shift;
                if (!fill()) {
                    throw new Malformed("EOF reached inside a quoted value");
                }
            }
            byte[] b = buf;
            int end = limit;
            int p = skipPlainWords(b, pos, end, quoteWord);
            if (skippedHigh) {
                high = -1;
            }
            while (p < end) {
                byte c = b[p];
                if (c == q || c == LF || c == CR) {
                    break;
                }
                high |= c;
                p++;
            }
            pos = p;
            if (p == end) {
                continue;
            }
            byte c = b[p];
            if (c == q) {
                if (pos + 1 == limit) {
                    int shift = compactFrom(start);
                    start -= shift;
                    fill();
                }
                if (pos + 1 < limit && buf[pos + 1] == q) {
                    doubled = true;
                    pos += 2;
                    continue;
                }
                int closing = pos;
                pos++;
                addQuoted(start, closing, high, doubled);
                return afterClosingQuote();
            }
            if (c == LF) {
                lines++;
                spansLines = true;
            } else if (c == CR) {
                if (pos + 1 == limit) {
                    int shift = compactFrom(start);
                    start -= shift;
                    fill();
                }
                if (pos + 1 >= limit || buf[pos + 1] != LF) {
                    lines++;
                }
                spansLines = true;
            }
            high |= c;
            pos++;
        }
    }

    private boolean afterClosingQuote() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return false;
            }
            byte c = buf[pos];
            if (c == delimiter) {
                pos++;
                return true;
            }
            if (c == LF || c == CR) {
                endOfLine();
                return false;
            }
            if (c != ' ' && c != '\t' && c != '\f' && c != 0x0B) {
                throw new Malformed("invalid char between the closing quote and the delimiter at line " + (lines + 1));
            }
            pos++;
        }
    }

    /** pos at CR or LF: consumes CR, LF or CRLF and counts one line. */
    private void endOfLine() throws IOException {
        lines++;
        if (buf[pos++] == CR) {
            if (pos == limit && !fill()) {
                return;
            }
            if (buf[pos] == LF) {
                pos++;
            }
        }
    }

    /**
     * Non-zero if and only if one of the eight bytes of {@code x} is zero ({@code x} = a word XOR a byte repeated:
     * that byte is there). A borrow runs only from a zero byte, so there is no false hit.
     */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    private void add(int start, int end, int high) throws CharacterCodingException {
        append(decode(buf, start, end - start, high));
    }

    private void addQuoted(int start, int end, int high, boolean doubled) throws CharacterCodingException {
        if (!doubled) {
            add(start, end, high);
            return;
        }
        byte[] unquoted = new byte[end - start];
        int length = 0;
        for (int i = start; i < end; i++) {
            unquoted[length++] = buf[i];
            if (buf[i] == quote) {
                i++;
            }
        }
        append(decode(unquoted, 0, length, high));
    }

    private String decode(byte[] bytes, int offset, int length, int high) throws CharacterCodingException {
        if (length == 0) {
            return "";
        }
        if (high >= 0 || latin1) {
            // Only bytes 0-127 (or Latin-1, where every byte is a character): a byte is a char.
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        if (utf8) {
            // The JDK's own UTF-8 decoding is the fast one but replaces bad bytes with U+FFFD: only a value that
            // then holds U+FFFD (bad bytes, or a U+FFFD in the file) goes through the reporting decoder.
            String value = new String(bytes, offset, length, StandardCharsets.UTF_8);
            if (value.indexOf('\uFFFD') < 0) {
                return value;
            }
        }
        CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, offset, length));
        return chars.toString();
    }

    private void append(String value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** Moves the bytes from {@code start} to the front of the buffer (growing it when they fill it); returns the shift. */
    private int compactFrom(int start) {
        int kept = limit - start;
        if (start == 0 && kept == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
            return 0;
        }
        System.arraycopy(buf, start, buf, 0, kept);
        limit = kept;
        pos -= start;
        return start;
    }

    /** Reads more bytes after {@code limit}; false at the end of the input. The caller has made room. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (limit == buf.length) {
            if (pos == limit) {
                pos = 0;
                limit = 0;
            } else {
                compactFrom(pos);
                if (limit == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
        }
        int read = input.read(buf, limit, buf.length - limit);
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        return true;
    }
}
