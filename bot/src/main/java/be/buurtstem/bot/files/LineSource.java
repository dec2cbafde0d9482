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
 * badly encoded line is reported with its number and the lines after it can still be read.
 */
final class LineSource implements AutoCloseable {
    /** Marks a line that is not valid UTF-8. */
    static final String INVALID_UTF8 = "\u0000invalid-utf8";

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
    private long lineNumber;
    private boolean eof;

    LineSource(InputStream in) {
        this.in = in;
    }

    /** The number of the line last returned (1-based). */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, {@link #INVALID_UTF8} for a badly encoded one, or null at the end. */
    String next() throws IOException {
        if (eof) {
            return null;
        }
        buf.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            buf.write(b);
        }
        if (b == -1) {
            eof = true;
            if (buf.size() == 0) {
                return null;
            }
        }
        lineNumber++;
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
