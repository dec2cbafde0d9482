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
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every value mongo-java-server stores comes back from the embedded store's encoding as it went in. */
class BsonValueTypeTest {
    private static final BsonValueType TYPE = BsonValueType.INSTANCE;

    @Test
    void everyKindOfValueRoundTripsAndIsItsOwnKey() {
        Random random = new Random(17);
        for (int i = 0; i < 3000; i++) {
            Object value = value(random, 3);
            Object back = BsonValueType.decode(BsonValueType.encode(value));
            assertEquals(comparable(value), comparable(back), () -> "round trip of " + value);
            assertEquals(classes(value), classes(back), () -> "types of " + value);
            assertEquals(0, TYPE.compare(value, back), () -> "a value equals its copy as a key: " + value);
        }
    }

    @Test
    void keysAreATotalOrderThatSeparatesDifferentValues() {
        Random random = new Random(4);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(value(random, 2));
        }
        for (Object a : keys) {
            for (Object b : keys) {
                int ab = TYPE.compare(a, b);
                assertEquals(Integer.signum(ab), -Integer.signum(TYPE.compare(b, a)), () -> a + " vs " + b);
                if (ab == 0) {
                    // equal keys are the same value: a map never mixes up two documents' _ids
                    assertEquals(comparable(a), comparable(b), () -> a + " == " + b);
                }
            }
        }
        // _ids of one type keep their natural order (the order a collection is read in without a sort)
        assertTrue(TYPE.compare("a10", "a9") < 0);
        assertTrue(TYPE.compare(-5, 3) < 0);
        assertTrue(TYPE.compare(2L, 10L) < 0);
        assertNotEquals(0, TYPE.compare(1, 1L), "an int and a long _id are different keys, as before");
        assertNotEquals(0, TYPE.compare(new KeyValue("x", 1), new KeyValue("x", 1, 2)));
    }

    @Test
    void aMapOfDocumentsReadsBackWhatWasPutAfterReopen() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bson");
        String file = dir.resolve("t.mv.db").toString();
        Random random = new Random(9);
        java.util.Map<Object, Document> expected = new java.util.LinkedHashMap<>();
        try (MVStore s = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Document> map = StoreFormat.openMap(s, "databases.t.answers");
            for (int i = 0; i < 2000; i++) {
                Object id = i % 3 == 0 ? new ObjectId() : i % 3 == 1 ? "a" + i : (Object) (long) i;
                Document d = document(random, 2).append("_id", id);
                map.put(id, d);
                expected.put(id, d);
            }
        }
        try (MVStore s = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Document> map = StoreFormat.openMap(s, "databases.t.answers");
            assertEquals(expected.size(), map.size());
            for (var e : expected.entrySet()) {
                assertEquals(comparable(e.getValue()), comparable(map.get(e.getKey())));
            }
        }
    }

    @Test
    void aTypicalAnswerTakesLessThanHalfTheBytesOfJavaSerialization() throws Exception {
        Document answer = new Document("_id", new ObjectId()).append("respondent", "tg:123456789")
                .append("questionnaire", "buurt-2026").append("question", "q3")
                .append("text", "Meer bankjes in het park")
                .append("at", Instant.parse("2026-12-01T10:15:30Z")).append("version", 3L)
                .append("coding", new Document("themes", List.of("groen", "zitplaatsen")).append("model", 2));
        ByteArrayOutputStream java = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(java)) {
            o.writeObject(answer);
        }
        int bson = BsonValueType.encode(answer).length;
        assertTrue(bson * 2 < java.size(), bson + " bytes against " + java.size());
    }

    // ---- generators

    private static Object value(Random r, int depth) {
        int kind = r.nextInt(depth > 0 ? 27 : 25);
        return switch (kind) {
            case 0 -> null;
            case 1 -> Missing.getInstance();
            case 2 -> r.nextBoolean();
            case 3 -> r.nextInt();
            case 4 -> r.nextInt(200) - 100;
            case 5 -> r.nextLong();
            case 6 -> (long) r.nextInt(1000);
            case 7 -> r.nextBoolean() ? r.nextDouble() * 1e6 - 5e5 : List.of(0.0, -0.0, Double.NaN,
                    Double.POSITIVE_INFINITY, Double.MIN_VALUE).get(r.nextInt(5));
            case 8 -> new Decimal128(new BigDecimal(r.nextLong()).movePointLeft(r.nextInt(10)));
            case 9, 10 -> string(r);
            case 11 -> new ObjectId();
            case 12 -> Instant.ofEpochSecond(r.nextInt() & 0x7fffffffL, r.nextInt(1_000_000_000));
            case 13 -> new Date(r.nextLong() >> 20);
            case 14 -> UUID.randomUUID();
            case 15 -> new LegacyUUID(UUID.randomUUID());
            case 16 -> new BinData(bytes(r));
            case 17 -> new BsonTimestamp(r.nextLong());
            case 18 -> new BsonRegularExpression("^" + string(r), r.nextBoolean() ? "i" : "");
            case 19 -> new BsonJavaScript("function() { return " + r.nextInt() + "; }");
            case 20 -> MinKey.getInstance();
            case 21 -> MaxKey.getInstance();
            case 22 -> new BigDecimal(r.nextLong()); // no tag of its own: Java-serialized, still kept
            case 23 -> (short) r.nextInt(); // likewise
            case 24 -> new KeyValue(string(r), r.nextInt(5));
            case 25 -> document(r, depth - 1);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    list.add(value(r, depth - 1));
                }
                yield list;
            }
        };
    }

    private static Document document(Random r, int depth) {
        Document d = new Document();
        for (int i = r.nextInt(6); i > 0; i--) {
            d.put(string(r) + i, value(r, depth));
        }
        return d;
    }

    private static String string(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            int cp = switch (r.nextInt(4)) {
                case 0 -> 'a' + r.nextInt(26);
                case 1 -> 0x00e0 + r.nextInt(0x20); // accented letters
                case 2 -> 0x1F600 + r.nextInt(0x40); // emoji, outside the BMP
                default -> 0x20 + r.nextInt(0x5f);
            };
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private static byte[] bytes(Random r) {
        byte[] b = new byte[r.nextInt(20)];
        r.nextBytes(b);
        return b;
    }

    /** The value with what has no value equality (doubles' NaN and -0.0, regular expressions) made comparable. */
    private static Object comparable(Object v) {
        return switch (v) {
            case Document d -> {
                List<Object> entries = new ArrayList<>();
                d.forEach((k, x) -> entries.add(List.of(k, String.valueOf(comparable(x)))));
                yield entries;
            }
            case List<?> list -> list.stream().map(x -> String.valueOf(comparable(x))).toList();
            case KeyValue kv -> List.of("kv", comparable(kv.stream().toList()));
            case Double x -> "double:" + Double.doubleToRawLongBits(x);
            case BsonRegularExpression re -> "re:" + re.getPattern() + "/" + re.getOptions();
            case BsonJavaScript js -> "js:" + js.getCode();
            case Decimal128 dec -> "dec:" + dec.getHigh() + "/" + dec.getLow();
            case BinData bin -> "bin:" + java.util.Arrays.toString(bin.getData());
            case LegacyUUID u -> "legacy:" + u.getUuid();
            case null -> "null";
            default -> v;
        };
    }

    /** The classes of the value and of everything in it: an Integer must not come back a Long. */
    private static Object classes(Object v) {
        return switch (v) {
            case Document d -> {
                List<Object> c = new ArrayList<>();
                d.values().forEach(x -> c.add(classes(x)));
                yield c;
            }
            case List<?> list -> list.stream().map(BsonValueTypeTest::classes).toList();
            case null -> "null";
            default -> v.getClass().getName();
        };
    }
}
