package org.vigil.classify.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads corpus and seed rows and gives each a train/dev/test split: the source's own split where it has one
 * (a dev part carved out of its train part when it has no dev), otherwise a split by a hash of the row id,
 * so every run, on every machine, puts each row in the same place.
 */
public final class Corpus {

    public static final String TRAIN = "train";
    public static final String DEV = "dev";
    public static final String TEST = "test";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    /** All *.jsonl files of the given files or directories, in name order. */
    public static List<CorpusRecord> read(List<Path> paths) {
        List<CorpusRecord> rows = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : jsonlFiles(path)) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (!line.isBlank()) {
                            rows.add(withSplit(JSON.readValue(line, CorpusRecord.class)));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return rows;
    }

    private static List<Path> jsonlFiles(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    private static CorpusRecord withSplit(CorpusRecord row) {
        int bucket = bucket(row.id());
        String split;
        if (row.split() == null) {
            split = bucket < 80 ? TRAIN : bucket < 90 ? DEV : TEST;
        } else if (row.split().equals(TRAIN) && bucket >= 90) {
            split = DEV; // sources without a dev split (ghc, misogyny_reddit) lend 10% of train; harmless for the rest
        } else {
            split = row.split();
        }
        return new CorpusRecord(row.id(), row.source(), row.lang(), row.text(), row.labels(), row.annotated(),
                split, row.meta());
    }

    /** 0..99 from a CRC32 of the id: stable across runs, machines and JVMs. */
    static int bucket(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }
}
