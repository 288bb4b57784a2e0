package org.vigil.classify.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.vigil.classify.SentenceEmbedder;

/**
 * Sentence embeddings of training texts, computed once and kept outside the repository in one append-only file
 * per embedding model ({@code <dir>/<model>.vectors}: SHA-256 of the text, then its vector), so a second training
 * run embeds only texts it has not seen. Missing texts are embedded on as many threads as the machine has cores,
 * each call on one ONNX Runtime thread.
 */
final class EmbeddingCache {

    private final Path file;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    private EmbeddingCache(Path file) {
        this.file = file;
    }

    static EmbeddingCache open(Path directory) {
        EmbeddingCache cache = new EmbeddingCache(directory.resolve(SentenceEmbedder.MODEL_NAME + ".vectors"));
        cache.read();
        return cache;
    }

    private void read() {
        if (!Files.exists(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] key = new byte[32];
            while (true) {
                try {
                    in.readFully(key);
                } catch (EOFException end) {
                    break;
                }
                float[] vector = new float[in.readInt()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = in.readFloat();
                }
                vectors.put(HexFormat.of().formatHex(key), vector);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The vectors of these texts (by text), embedding and appending the ones not cached yet. */
    Map<String, float[]> embed(List<String> texts) {
        List<String> missing = new ArrayList<>();
        for (String text : new LinkedHashSet<>(texts)) {
            if (!vectors.containsKey(key(text))) {
                missing.add(text);
            }
        }
        System.out.printf("embedding %d texts (%d distinct cached)%n", missing.size(), vectors.size());
        if (!missing.isEmpty()) {
            embedAndAppend(missing);
        }
        Map<String, float[]> result = new ConcurrentHashMap<>();
        texts.forEach(text -> result.put(text, vectors.get(key(text))));
        return result;
    }

    private void embedAndAppend(List<String> missing) {
        SentenceEmbedder embedder = SentenceEmbedder.shared();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < missing.size(); i += threads) {
                        String text = missing.get(i);
                        float[] vector = embedder.embed(text);
                        vectors.put(key(text), vector);
                        append(out, text, vector);
                        int n = done.incrementAndGet();
                        if (n % 2000 == 0) {
                            System.out.printf("  %d of %d embedded, %.1f ms each%n", n, missing.size(),
                                    (System.nanoTime() - start) / 1e6 / n * threads);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        } catch (Exception e) {
            throw new IllegalStateException("embedding failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void append(DataOutputStream out, String text, float[] vector) {
        synchronized (out) {
            try {
                out.write(HexFormat.of().parseHex(key(text)));
                out.writeInt(vector.length);
                for (float v : vector) {
                    out.writeFloat(v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
