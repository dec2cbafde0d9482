package be.buurtstem.bot.service.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How the embedded store writes every key and value of its maps (documents, their {@code _id}s, index keys,
 * positions, the collections' sizes): a compact tagged binary form of BSON's value types, one tag byte and then the
 * value (numbers as var-ints where that is shorter, strings as UTF-8 with their length). H2's default
 * {@code ObjectDataType} fell back to Java serialization for mongo-java-server's {@link Document}, 18 % of the
 * service's CPU at 300 updates/s (JFR, issue 17) and about twice the bytes. A value of a type none of the tags
 * covers (mongo-java-server does not store one today) is still written, Java-serialized behind its own tag, so
 * nothing is ever refused or lost.
 *
 * <p>Keys are ordered as H2's default type ordered them, where it matters: values of one type by their natural
 * order (strings, numbers, ObjectIds: the collection's natural order is its {@code _id} order), values of different
 * types by tag, index keys element by element, and anything else (documents as {@code _id}s) by its bytes: a total
 * order in which two keys are equal exactly when their encodings are.
 */
final class BsonValueType extends BasicDataType<Object> {
    static final BsonValueType INSTANCE = new BsonValueType();

    // the tags are the file format: never renumber one, only add (and raise StoreFormat.CURRENT if old code
    // could not read the new tag)
    private static final byte NULL = 0;
    private static final byte MISSING = 1;
    private static final byte FALSE = 2;
    private static final byte TRUE = 3;
    private static final byte INT = 4;
    private static final byte LONG = 5;
    private static final byte DOUBLE = 6;
    private static final byte DECIMAL128 = 7;
    private static final byte STRING = 8;
    private static final byte DOCUMENT = 9;
    private static final byte LIST = 10;
    private static final byte OBJECT_ID = 11;
    private static final byte INSTANT = 12;
    private static final byte DATE = 13;
    private static final byte UUID_TAG = 14;
    private static final byte LEGACY_UUID = 15;
    private static final byte BIN_DATA = 16;
    private static final byte BYTES = 17;
    private static final byte TIMESTAMP = 18;
    private static final byte REGEX = 19;
    private static final byte JAVASCRIPT = 20;
    private static final byte MIN_KEY = 21;
    private static final byte MAX_KEY = 22;
    private static final byte KEY_VALUE = 23;
    private static final byte JAVA = 24;

    private BsonValueType() {
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
        writeValue(buff, value);
    }

    @Override
    public Object read(ByteBuffer buff) {
        return readValue(buff);
    }

    /** The encoding of one value on its own: for ordering keys by bytes, and for tests. */
    static byte[] encode(Object value) {
        WriteBuffer buff = new WriteBuffer(64);
        writeValue(buff, value);
        ByteBuffer b = buff.getBuffer();
        b.flip();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    static Object decode(byte[] bytes) {
        return readValue(ByteBuffer.wrap(bytes));
    }

    private static byte tag(Object v) {
        if (v == null) return NULL;
        if (v instanceof String) return STRING;
        if (v instanceof Document) return DOCUMENT;
        if (v instanceof Integer) return INT;
        if (v instanceof Long) return LONG;
        if (v instanceof Double) return DOUBLE;
        if (v instanceof Boolean b) return b ? TRUE : FALSE;
        if (v instanceof ObjectId) return OBJECT_ID;
        if (v instanceof List<?>) return LIST;
        if (v instanceof Instant) return INSTANT;
        if (v instanceof KeyValue) return KEY_VALUE;
        if (v instanceof Missing) return MISSING;
        if (v instanceof Decimal128) return DECIMAL128;
        if (v instanceof UUID) return UUID_TAG;
        if (v instanceof LegacyUUID) return LEGACY_UUID;
        if (v instanceof BinData) return BIN_DATA;
        if (v instanceof byte[]) return BYTES;
        if (v instanceof BsonTimestamp) return TIMESTAMP;
        if (v instanceof BsonRegularExpression) return REGEX;
        if (v instanceof BsonJavaScript) return JAVASCRIPT;
        if (v instanceof MinKey) return MIN_KEY;
        if (v instanceof MaxKey) return MAX_KEY;
        // exactly java.util.Date (java.sql subclasses would not come back as themselves)
        if (v.getClass() == Date.class) return DATE;
        return JAVA;
    }

    private static void writeValue(WriteBuffer buff, Object v) {
        byte tag = tag(v);
        buff.put(tag);
        switch (tag) {
            case NULL, MISSING, FALSE, TRUE, MIN_KEY, MAX_KEY -> {
            }
            case INT -> buff.putVarInt(zigzag((Integer) v));
            case LONG -> buff.putVarLong(zigzag((Long) v));
            case DOUBLE -> buff.putDouble((Double) v);
            case DECIMAL128 -> buff.putLong(((Decimal128) v).getHigh()).putLong(((Decimal128) v).getLow());
            case STRING -> writeString(buff, (String) v);
            case DOCUMENT -> {
                Document d = (Document) v;
                buff.putVarInt(d.size());
                for (Map.Entry<String, Object> e : d.entrySet()) {
                    writeString(buff, e.getKey());
                    writeValue(buff, e.getValue());
                }
            }
            case LIST -> {
                List<?> list = (List<?>) v;
                buff.putVarInt(list.size());
                for (Object o : list) {
                    writeValue(buff, o);
                }
            }
            case KEY_VALUE -> {
                KeyValue kv = (KeyValue) v;
                buff.putVarInt(kv.size());
                for (Object o : kv) {
                    writeValue(buff, o);
                }
            }
            case OBJECT_ID -> buff.put(((ObjectId) v).toByteArray());
            case INSTANT -> buff.putVarLong(zigzag(((Instant) v).getEpochSecond())).putVarInt(((Instant) v).getNano());
            case DATE -> buff.putVarLong(zigzag(((Date) v).getTime()));
            case UUID_TAG -> {
                UUID u = (UUID) v;
                buff.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            }
            case LEGACY_UUID -> {
                UUID u = ((LegacyUUID) v).getUuid();
                buff.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            }
            case BIN_DATA -> writeBytes(buff, ((BinData) v).getData());
            case BYTES -> writeBytes(buff, (byte[]) v);
            case TIMESTAMP -> buff.putLong(((BsonTimestamp) v).getValue());
            case REGEX -> {
                BsonRegularExpression r = (BsonRegularExpression) v;
                writeValue(buff, r.getPattern());
                writeValue(buff, r.getOptions());
            }
            case JAVASCRIPT -> writeString(buff, ((BsonJavaScript) v).getCode());
            case JAVA -> writeBytes(buff, serialize(v));
            default -> throw new IllegalStateException("tag " + tag);
        }
    }

    private static Object readValue(ByteBuffer buff) {
        byte tag = buff.get();
        return switch (tag) {
            case NULL -> null;
            case MISSING -> Missing.getInstance();
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case MIN_KEY -> MinKey.getInstance();
            case MAX_KEY -> MaxKey.getInstance();
            case INT -> unzigzag(DataUtils.readVarInt(buff));
            case LONG -> unzigzag(DataUtils.readVarLong(buff));
            case DOUBLE -> buff.getDouble();
            case DECIMAL128 -> {
                long high = buff.getLong();
                yield new Decimal128(buff.getLong(), high);
            }
            case STRING -> readString(buff);
            case DOCUMENT -> {
                int n = DataUtils.readVarInt(buff);
                Document d = new Document();
                for (int i = 0; i < n; i++) {
                    String key = readString(buff);
                    d.put(key, readValue(buff));
                }
                yield d;
            }
            case LIST -> readList(buff);
            case KEY_VALUE -> new KeyValue(readList(buff));
            case OBJECT_ID -> {
                byte[] id = new byte[12];
                buff.get(id);
                yield new ObjectId(id);
            }
            case INSTANT -> {
                long seconds = unzigzag(DataUtils.readVarLong(buff));
                yield Instant.ofEpochSecond(seconds, DataUtils.readVarInt(buff));
            }
            case DATE -> new Date(unzigzag(DataUtils.readVarLong(buff)));
            case UUID_TAG -> new UUID(buff.getLong(), buff.getLong());
            case LEGACY_UUID -> new LegacyUUID(buff.getLong(), buff.getLong());
            case BIN_DATA -> new BinData(readBytes(buff));
            case BYTES -> readBytes(buff);
            case TIMESTAMP -> new BsonTimestamp(buff.getLong());
            case REGEX -> {
                String pattern = (String) readValue(buff);
                yield new BsonRegularExpression(pattern, (String) readValue(buff));
            }
            case JAVASCRIPT -> new BsonJavaScript(readString(buff));
            case JAVA -> deserialize(readBytes(buff));
            default -> throw new IllegalStateException("unknown value tag " + tag
                    + " in the embedded database: the file was written by a newer Buurtstem or is damaged");
        };
    }

    private static List<Object> readList(ByteBuffer buff) {
        int n = DataUtils.readVarInt(buff);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readValue(buff));
        }
        return list;
    }

    private static void writeString(WriteBuffer buff, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        buff.putVarInt(bytes.length).put(bytes);
    }

    private static String readString(ByteBuffer buff) {
        int len = DataUtils.readVarInt(buff);
        if (buff.hasArray()) {
            int at = buff.arrayOffset() + buff.position();
            buff.position(buff.position() + len);
            return new String(buff.array(), at, len, StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[len];
        buff.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeBytes(WriteBuffer buff, byte[] bytes) {
        buff.putVarInt(bytes.length).put(bytes);
    }

    private static byte[] readBytes(ByteBuffer buff) {
        byte[] bytes = new byte[DataUtils.readVarInt(buff)];
        buff.get(bytes);
        return bytes;
    }

    // zig-zag: small negative numbers stay short as var-ints too
    private static int zigzag(int v) {
        return (v << 1) ^ (v >> 31);
    }

    private static int unzigzag(int v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static byte[] serialize(Object v) {
        if (!(v instanceof Serializable)) {
            throw new IllegalArgumentException("the embedded database cannot store a value of type "
                    + v.getClass().getName());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a stored value's class is missing: " + e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        byte ta = tag(a);
        byte tb = tag(b);
        if (ta != tb) {
            return Byte.compare(ta, tb);
        }
        return switch (ta) {
            case NULL, MISSING, FALSE, TRUE, MIN_KEY, MAX_KEY -> 0;
            case STRING -> ((String) a).compareTo((String) b);
            case INT, LONG, DOUBLE, OBJECT_ID, INSTANT, DATE, UUID_TAG, LEGACY_UUID, BIN_DATA, TIMESTAMP ->
                    ((Comparable) a).compareTo(b);
            case KEY_VALUE -> compareElements((KeyValue) a, (KeyValue) b);
            case LIST -> compareElements((List<?>) a, (List<?>) b);
            // Decimal128 too: its compareTo calls 1.0 and 1.00 equal though they are different values
            default -> Arrays.compareUnsigned(encode(a), encode(b));
        };
    }

    /** Element by element, then the shorter first (index keys: looked up on every write, so no copies). */
    private int compareElements(Iterable<?> a, Iterable<?> b) {
        java.util.Iterator<?> i = a.iterator();
        java.util.Iterator<?> j = b.iterator();
        while (i.hasNext() && j.hasNext()) {
            int c = compare(i.next(), j.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(i.hasNext(), j.hasNext());
    }

    /** A rough estimate of the value's size on the heap, as H2 wants it for its cache (not exact, and cheap). */
    @Override
    public int getMemory(Object v) {
        return switch (v) {
            case null -> 0;
            case String s -> 40 + s.length();
            case Document d -> {
                int m = 80;
                for (Map.Entry<String, Object> e : d.entrySet()) {
                    m += 40 + 40 + e.getKey().length() + getMemory(e.getValue());
                }
                yield m;
            }
            case List<?> list -> {
                int m = 40;
                for (Object o : list) {
                    m += 8 + getMemory(o);
                }
                yield m;
            }
            case KeyValue kv -> {
                int m = 56;
                for (Object o : kv) {
                    m += 8 + getMemory(o);
                }
                yield m;
            }
            case byte[] bytes -> 16 + bytes.length;
            case BinData bin -> 32 + bin.getData().length;
            default -> 32;
        };
    }
}
