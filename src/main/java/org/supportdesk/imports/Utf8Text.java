package org.supportdesk.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of an import file, shared by all formats: skips a BOM, refuses binary
 * files (known magic numbers, NUL bytes) and invalid UTF-8 with the line where it happens, and can
 * cap how many characters one record may take so that a single huge record cannot exhaust memory.
 */
final class Utf8Text extends Reader {

    private static final int SIZE = 1 << 16;
    private static final String EXPECTED = ", expected CSV, JSON or XML";

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(SIZE);
    private final CharBuffer chars = CharBuffer.allocate(SIZE);
    private boolean started;
    private boolean inputDone;
    private boolean flushed;
    private long consumedBytes;
    private long line = 1;
    private boolean lastCr;
    private boolean content;
    private long delivered;
    private long budgetEnd = Long.MAX_VALUE;

    Utf8Text(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    /** Thrown by {@link #read} when the current record is over its budget; readers add where. */
    static final class RecordTooLarge extends RuntimeException {
        RecordTooLarge() {
            super("record too large", null, false, false);
        }
    }

    /** From now on, at most {@code maxChars} more characters may be read until {@link #unlimited()}. */
    void limit(long maxChars) {
        budgetEnd = delivered + maxChars;
    }

    void unlimited() {
        budgetEnd = Long.MAX_VALUE;
    }

    /** Whether anything but whitespace has been decoded so far. */
    boolean sawContent() {
        return content;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        delivered += n;
        if (delivered > budgetEnd) {
            throw new RecordTooLarge();
        }
        return n;
    }

    private boolean decodeMore() throws IOException {
        if (!started) {
            start();
        }
        chars.clear();
        while (chars.position() == 0 && !flushed) {
            CoderResult result = decoder.decode(bytes, chars, inputDone);
            if (result.isError()) {
                scan(chars.position());
                throw new MalformedImportException(
                        "line " + line + ": file is not valid UTF-8 (bad byte sequence at byte "
                                + (consumedBytes + bytes.position()) + ")");
            }
            if (result.isUnderflow()) {
                if (inputDone) {
                    decoder.flush(chars);
                    flushed = true;
                } else {
                    fill();
                }
            }
        }
        scan(chars.position());
        chars.flip();
        return chars.hasRemaining();
    }

    private void fill() throws IOException {
        consumedBytes += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            inputDone = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void start() throws IOException {
        started = true;
        while (bytes.remaining() < 8 && !inputDone) {
            fill();
        }
        byte[] b = bytes.array();
        int n = bytes.remaining();
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            bytes.position(3);
            return;
        }
        if (n >= 2
                && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)) {
            throw new MalformedImportException("line 1: file is UTF-16 encoded, expected UTF-8");
        }
        String kind = BinarySignatures.kind(b, n);
        if (kind != null) {
            throw new MalformedImportException("line 1: file looks binary (" + kind + ")" + EXPECTED);
        }
    }

    /** Counts lines (LF, CRLF or CR) and refuses NUL in the freshly decoded chars[0, end). */
    private void scan(int end) {
        char[] a = chars.array();
        for (int i = 0; i < end; i++) {
            char c = a[i];
            if (c == '\n') {
                if (!lastCr) {
                    line++;
                }
                lastCr = false;
            } else if (c == '\r') {
                line++;
                lastCr = true;
            } else {
                lastCr = false;
                if (c > ' ') {
                    content = true;
                } else if (c == 0) {
                    throw new MalformedImportException(
                            "line " + line + ": file looks binary (it contains NUL bytes)" + EXPECTED);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
