package be.buurtstem.bot.service.export.qdpx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip written front to back with a small, bounded memory per entry. The JDK's {@code ZipOutputStream} keeps a
 * {@code ZipEntry}, its name and a set entry per entry until the central directory is written (about 270 bytes
 * each: 1,000,000 answers' 500,000 sources did not fit in 128 MB); this writer keeps 39 bytes for a source named
 * {@code sources/GUID.txt} (the GUID as 16 bytes, CRC, sizes, offset) in 1 MB blocks. Small entries are deflated in
 * memory and written with their sizes; one streamed entry ({@code project.qde}) is followed by a data descriptor.
 * ZIP64 end records are written when there are more than 65,535 entries or the directory lies beyond 4 GB; a
 * streamed entry of 4 GB or more is refused. Entries carry one fixed time, so equal content gives equal bytes.
 */
final class StreamingZip {
    private static final Pattern SOURCE = Pattern.compile(
            "sources/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.txt");
    private static final int DOS_TIME = 0;
    private static final int DOS_DATE = (2000 - 1980) << 9 | 1 << 5 | 1; // 2000-01-01
    private static final int UTF8 = 0x0800;
    private static final int DESCRIPTOR = 0x0008;
    private static final long MAX32 = 0xFFFFFFFFL;

    private final Counting out;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final List<byte[]> blocks = new ArrayList<>();
    private ByteBuffer block;
    private long entries;

    StreamingZip(OutputStream out) {
        this.out = new Counting(out);
    }

    /** Adds a small entry: deflated in memory, written with its sizes. */
    void add(String name, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(data);
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        byte[] buf = new byte[Math.max(64, data.length + data.length / 8 + 64)];
        int n = 0;
        while (!deflater.finished()) {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            n += deflater.deflate(buf, n, buf.length - n);
        }
        long offset = out.count;
        local(name, 0, crc.getValue(), n, data.length);
        out.write(buf, 0, n);
        remember(name, 0, crc.getValue(), n, data.length, offset);
    }

    /**
     * Starts an entry of unknown size; write to the stream given, then {@link StreamedEntry#close()} it before the
     * next entry.
     */
    StreamedEntry stream(String name) throws IOException {
        long offset = out.count;
        local(name, DESCRIPTOR, 0, 0, 0);
        deflater.reset();
        return new StreamedEntry(name, offset);
    }

    /** The central directory and the end records. The stream below is flushed, not closed. */
    void finish() throws IOException {
        long start = out.count;
        for (byte[] b : blocks) {
            ByteBuffer r = ByteBuffer.wrap(b, 0, b == blocks.getLast() && block != null ? block.position() : b.length)
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (b != blocks.getLast()) {
                r.limit(r.getInt(b.length - 4)); // a full block's used length is in its last 4 bytes
            }
            while (r.hasRemaining()) {
                central(r);
            }
        }
        long size = out.count - start;
        if (entries > 0xFFFF || start >= MAX32 || size >= MAX32) {
            long zip64 = out.count;
            ByteBuffer e = le(56 + 20);
            e.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(entries).putLong(entries).putLong(size).putLong(start);
            e.putInt(0x07064b50).putInt(0).putLong(zip64).putInt(1);
            out.write(e.array());
        }
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) Math.min(entries, 0xFFFF)).putShort((short) Math.min(entries, 0xFFFF))
                .putInt((int) Math.min(size, MAX32)).putInt((int) Math.min(start, MAX32)).putShort((short) 0);
        out.write(end.array());
        out.flush();
        deflater.end();
    }

    /** The stream of an entry of unknown size: deflated as written, its CRC and sizes in a descriptor after it. */
    final class StreamedEntry extends OutputStream {
        private final String name;
        private final long offset;
        private final CRC32 crc = new CRC32();
        private final byte[] buf = new byte[1 << 16];
        private long size;
        private long compressed;

        private StreamedEntry(String name, long offset) {
            this.name = name;
            this.offset = offset;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            crc.update(b, off, len);
            size += len;
            deflater.setInput(b, off, len);
            while (!deflater.needsInput()) {
                drain(Deflater.NO_FLUSH);
            }
        }

        private void drain(int flush) throws IOException {
            int n = deflater.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
            compressed += n;
        }

        @Override
        public void close() throws IOException {
            deflater.finish();
            while (!deflater.finished()) {
                drain(Deflater.NO_FLUSH);
            }
            if (size >= MAX32 || compressed >= MAX32) {
                throw new IOException(name + " is 4 GB or more: export fewer answers at a time");
            }
            ByteBuffer d = le(16);
            d.putInt(0x08074b50).putInt((int) crc.getValue()).putInt((int) compressed).putInt((int) size);
            out.write(d.array());
            remember(name, DESCRIPTOR, crc.getValue(), compressed, size, offset);
        }
    }

    private void local(String name, int flags, long crc, long compressed, long size) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = le(30 + n.length);
        h.putInt(0x04034b50).putShort((short) 20).putShort((short) (UTF8 | flags)).putShort((short) Deflater.DEFLATED)
                .putShort((short) DOS_TIME).putShort((short) DOS_DATE).putInt((int) crc).putInt((int) compressed)
                .putInt((int) size).putShort((short) n.length).putShort((short) 0).put(n);
        out.write(h.array());
    }

    /** Keeps what the central directory needs of an entry: a source's name as its GUID's 16 bytes. */
    private void remember(String name, int flags, long crc, long compressed, long size, long offset) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        boolean source = SOURCE.matcher(name).matches();
        int length = 1 + 1 + (source ? 16 : 2 + n.length) + 4 + 4 + 4 + 8;
        if (block == null || block.remaining() < length + 4) {
            if (block != null) {
                block.putInt(block.capacity() - 4, block.position());
            }
            byte[] b = new byte[Math.max(1 << 20, length + 4)];
            blocks.add(b);
            block = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        }
        block.put((byte) (source ? 1 : 0)).put((byte) flags);
        if (source) {
            UUID u = UUID.fromString(name.substring("sources/".length(), name.length() - ".txt".length()));
            block.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        } else {
            block.putShort((short) n.length).put(n);
        }
        block.putInt((int) crc).putInt((int) compressed).putInt((int) size).putLong(offset);
        entries++;
    }

    private void central(ByteBuffer r) throws IOException {
        boolean source = r.get() == 1;
        int flags = r.get();
        byte[] n;
        if (source) {
            n = ("sources/" + new UUID(r.getLong(), r.getLong()) + ".txt").getBytes(StandardCharsets.UTF_8);
        } else {
            n = new byte[r.getShort()];
            r.get(n);
        }
        int crc = r.getInt();
        int compressed = r.getInt();
        int size = r.getInt();
        long offset = r.getLong();
        boolean far = offset >= MAX32;
        ByteBuffer c = le(46 + n.length + (far ? 12 : 0));
        c.putInt(0x02014b50).putShort((short) (far ? 45 : 20)).putShort((short) (far ? 45 : 20))
                .putShort((short) (UTF8 | flags)).putShort((short) Deflater.DEFLATED).putShort((short) DOS_TIME)
                .putShort((short) DOS_DATE).putInt(crc).putInt(compressed).putInt(size).putShort((short) n.length)
                .putShort((short) (far ? 12 : 0)).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putInt(0).putInt(far ? (int) MAX32 : (int) offset).put(n);
        if (far) {
            c.putShort((short) 0x0001).putShort((short) 8).putLong(offset);
        }
        out.write(c.array());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Counts what goes through: the offsets of the entries. */
    private static final class Counting extends OutputStream {
        private final OutputStream out;
        private long count;

        Counting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
