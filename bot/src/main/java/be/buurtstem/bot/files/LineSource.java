package be.buurtstem.bot.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a byte stream line by line (LF or CRLF), decoding each line as strict UTF-8 on its own, so that a
 * badly encoded line is reported with its number and the lines after it can still be read. A line is held in memory
 * up to {@link #MAX_LINE_BYTES}; the rest of a longer one is read past without being kept (a 300 MB file of one line
 * costs 1 MB of memory) and the line is reported as {@link #TOO_LONG}. Used for answer files and {@code play} scripts.
 */
public final class LineSource implements AutoCloseable {
    /** Marks a line that is not valid UTF-8. */
    public static final String INVALID_UTF8 = "\u0000invalid-utf8";
    /** Marks a line longer than {@link #MAX_LINE_BYTES}. */
    public static final String TOO_LONG = "\u0000too-long";
    /** The longest line read (1 MB): far more than any answer, small enough for any machine. */
    public static final int MAX_LINE_BYTES = 1024 * 1024;
    /** What readers say about a {@link #TOO_LONG} line. */
    public static final String TOO_LONG_MESSAGE = "line longer than 1 MB (" + MAX_LINE_BYTES + " bytes); lines are limited to 1 MB";

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
    private long lineNumber;
    private boolean eof;

    public LineSource(InputStream in) {
        this.in = in;
    }

    /** The number of the line last returned (1-based). */
    public long lineNumber() {
        return lineNumber;
    }

    /**
     * The next line without its terminator, {@link #INVALID_UTF8} for a badly encoded one, {@link #TOO_LONG} for one
     * over {@link #MAX_LINE_BYTES}, or null at the end.
     */
    public String next() throws IOException {
        if (eof) {
            return null;
        }
        buf.reset();
        long length = 0;
        int b;
        int last = -1; // the last byte kept (a CR may stand right past the limit)
        while ((b = in.read()) != -1 && b != '\n') {
            if (length++ <= MAX_LINE_BYTES) { // one byte more than the limit: room for a CR before the LF
                buf.write(b);
                last = b;
            }
        }
        if (b == -1) {
            eof = true;
            if (length == 0) {
                return null;
            }
        }
        lineNumber++;
        if (length > MAX_LINE_BYTES + 1 || (length == MAX_LINE_BYTES + 1 && last != '\r')) {
            return TOO_LONG;
        }
        byte[] bytes = buf.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        int start = 0;
        if (lineNumber == 1 && len >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3; // byte-order mark written by spreadsheet programs
        }
        try {
            return decoder.reset().decode(ByteBuffer.wrap(bytes, start, len - start)).toString();
        } catch (CharacterCodingException e) {
            return INVALID_UTF8;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
