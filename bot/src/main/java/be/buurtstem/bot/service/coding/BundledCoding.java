package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CodebookReader;
import be.buurtstem.analysis.coding.KeywordCoder;
import be.buurtstem.analysis.text.LanguageDetector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What every coder starts from and never changes: the bundled codebook, its keyword coder and the OpenNLP
 * language-detection model. Reading them takes about a second of CPU, so {@link #start()} reads them on two daemon
 * threads while Spring builds the rest of the service (the second core is otherwise idle then), and the service is
 * healthy without waiting for the model: the first answer to be coded waits for it instead. The values are
 * immutable, so one load serves every service started in this JVM (tests start many).
 */
public final class BundledCoding {
    private static CompletableFuture<Book> book;
    private static CompletableFuture<LanguageDetector> detector;

    /** The bundled codebook with its keyword coder, read together. */
    public record Book(Codebook codebook, KeywordCoder keywords) {
    }

    private BundledCoding() {
    }

    /** Starts reading (once per JVM); cheap when already started. */
    public static synchronized void start() {
        if (book == null) {
            // logging bound first: a library logging from these threads while the main thread binds it made SLF4J
            // print a "replayed calls" warning on some starts
            org.slf4j.LoggerFactory.getILoggerFactory();
            book = CompletableFuture.supplyAsync(BundledCoding::readBook,
                    r -> Thread.ofPlatform().name("bundled-codebook").daemon(true).start(r));
            detector = CompletableFuture.supplyAsync(LanguageDetector::load,
                    r -> Thread.ofPlatform().name("language-model").daemon(true).start(r));
            // said once, where an operator looks; every answer to be coded then fails with the same cause
            detector.whenComplete((d, e) -> {
                if (e != null) {
                    org.slf4j.LoggerFactory.getLogger(BundledCoding.class).error(
                            "the language-detection model could not be read: answers cannot be coded", e);
                }
            });
        }
    }

    /** The bundled codebook and its keywords, waiting for them if they are still being read. */
    public static Book book() {
        start();
        return join(book);
    }

    /** The language-detection model, waiting for it if it is still being read. */
    public static LanguageDetector detector() {
        start();
        return join(detector);
    }

    /** For health: {@code ready}, {@code loading}, or {@code failed} (see the log). */
    public static synchronized String detectorState() {
        if (detector == null || !detector.isDone()) {
            return "loading";
        }
        return detector.isCompletedExceptionally() ? "failed" : "ready";
    }

    private static Book readBook() {
        try {
            Codebook cb = CodebookReader.bundled();
            if (cb == null) {
                throw new IllegalStateException("the bundled codebook is not on the classpath");
            }
            return new Book(cb, new KeywordCoder(cb));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            // the loader's own exception (a missing resource names itself), not the future's wrapper
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
