package be.buurtstem.bot.it;

import be.buurtstem.bot.service.store.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child process of {@link DurabilityTest}: inserts documents from several threads and prints {@code ACK id} for each
 * insert it considers acknowledged, until it is killed. Modes: {@code sync} (our embedded store, acknowledged after
 * {@link EmbeddedMongo#sync()}), {@code plain} (mongo-java-server's H2 backend as it comes, acknowledged when the
 * insert returns).
 */
public final class DurabilityChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        int threads = Integer.parseInt(args[2]);
        Files.createDirectories(dir);
        PrintStream out = new PrintStream(System.out, false, "UTF-8");
        EmbeddedMongo embedded = null;
        String uri;
        if (mode.equals("plain")) {
            MongoServer server = new MongoServer(new H2Backend(dir.resolve("buurtstem.mv.db").toString()));
            uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        } else {
            embedded = EmbeddedMongo.open(dir);
            uri = embedded.connectionString();
        }
        MongoClient client = MongoClients.create(uri);
        MongoCollection<Document> acks = client.getDatabase("buurtstem").getCollection("acks");
        EmbeddedMongo store = embedded;
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; ; i++) {
                    long id = thread * 10_000_000L + i;
                    acks.insertOne(new Document("_id", id).append("text", "answer " + id + " with some words"));
                    if (store != null) {
                        store.sync();
                    }
                    synchronized (out) {
                        out.println("ACK " + id);
                        out.flush();
                    }
                }
            });
        }
        for (Thread w : workers) {
            w.join();
        }
    }
}
