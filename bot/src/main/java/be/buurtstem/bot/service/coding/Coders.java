package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.coding.AnswerCoder;
import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.CombinedCoder;
import be.buurtstem.analysis.coding.KeywordCoder;
import be.buurtstem.analysis.coding.LabelledAnswer;
import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.text.TextPipeline;
import be.buurtstem.bot.files.AnswerFormat;
import be.buurtstem.bot.files.AnswerReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The coder the service uses now: the bundled codebook's keyword coder (cold start) combined with the newest trained
 * model version, swapped atomically when a new version is trained. Thread-safe.
 */
public final class Coders {
    /** Where the content module puts the synthetic seed examples. */
    public static final String SEEDS = "/be/buurtstem/content/seed-examples.jsonl";

    /** The coder in use and the model version behind it (0: keywords only). */
    public record Current(AnswerCoder coder, int modelVersion) {
    }

    private final TextPipeline pipeline;
    /** The codebook in use (the bundled one with analysts' edits) and its keywords; replaced together. */
    private volatile Book book;
    private final AtomicReference<Current> current;

    /** A codebook, its keyword coder and where its merged themes went: what one training uses throughout. */
    public record Book(Codebook codebook, KeywordCoder coder, Map<String, String> merged) {
    }

    public Coders(TextPipeline pipeline, Codebook codebook) {
        this(pipeline, codebook, new KeywordCoder(codebook));
    }

    /** With the codebook's keyword coder already built (it takes a few hundred milliseconds to build). */
    public Coders(TextPipeline pipeline, Codebook codebook, KeywordCoder keywords) {
        this.pipeline = pipeline;
        this.book = new Book(codebook, keywords, Map.of());
        this.current = new AtomicReference<>(new Current(new AnswerCoder(pipeline,
                CombinedCoder.coldStart(book.coder())), 0));
    }

    /**
     * Uses an edited codebook ({@code service/codebook}): its keywords for the next trainings and, while no model
     * version is in use, for coding now; {@code merged} (theme merged away → the theme it went into) for reading
     * codes of a model version trained before a merge.
     */
    public synchronized void useCodebook(Codebook codebook, Map<String, String> merged) {
        // an unedited codebook is the one in use already: its keywords need not be built again
        KeywordCoder keywords = codebook.equals(book.codebook()) ? book.coder() : new KeywordCoder(codebook);
        Book next = new Book(codebook, keywords, Map.copyOf(merged));
        this.book = next;
        if (current.get().modelVersion() == 0) {
            current.set(new Current(new AnswerCoder(pipeline, CombinedCoder.coldStart(next.coder())), 0));
        }
    }

    /** The theme a code names today: itself, or the theme it was merged into since. */
    public String canonical(String theme) {
        return book.merged().getOrDefault(theme, theme);
    }

    /**
     * The bundled codebook and the bundled language-detection model ({@link BundledCoding}): the model may still be
     * loading; the first answer analysed waits for it.
     */
    public static Coders bundled() {
        BundledCoding.Book bundled = BundledCoding.book();
        return new Coders(new TextPipeline(BundledCoding::detector), bundled.codebook(), bundled.keywords());
    }

    public Current current() {
        return current.get();
    }

    /** Back to the codebook's keywords alone (no model version left to use). */
    public synchronized void useKeywordsOnly() {
        current.set(new Current(new AnswerCoder(pipeline, CombinedCoder.coldStart(book.coder())), 0));
    }

    public synchronized void use(CoderTrainer.Trained trained) {
        current.set(new Current(new AnswerCoder(pipeline, trained.coder()), trained.info().version()));
    }

    public TextPipeline pipeline() {
        return pipeline;
    }

    /** The codebook in use with its keyword coder, read together. */
    public Book book() {
        return book;
    }

    public Codebook codebook() {
        return book.codebook();
    }

    public KeywordCoder keywords() {
        return book.coder();
    }

    /** The team-written synthetic seed examples of the content module (empty when absent). */
    public static List<LabelledAnswer> seeds() {
        List<LabelledAnswer> out = new ArrayList<>();
        try (InputStream in = Coders.class.getResourceAsStream(SEEDS)) {
            if (in == null) {
                return out;
            }
            try (AnswerReader reader = AnswerReader.open(in, SEEDS, AnswerFormat.JSON_LINES, bad -> { })) {
                for (Answer a : reader) {
                    if (a.isLabelled()) {
                        Answer synthetic = new Answer(a.id(), a.text(), a.respondent(), a.question(), a.language(),
                                a.themes(), a.segments(), a.receivedAt(), a.scores(), true);
                        out.add(LabelledAnswer.fromRecord(synthetic));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
