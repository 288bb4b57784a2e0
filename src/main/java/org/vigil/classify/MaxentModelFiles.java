package org.vigil.classify;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;

/** Reads and writes OpenNLP maxent models as gzipped OpenNLP binary files. */
public final class MaxentModelFiles {

    private MaxentModelFiles() {
    }

    public static void write(AbstractModel model, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        new GenericModelWriter(model, new DataOutputStream(gzip)).persist();
        gzip.finish();
    }

    public static AbstractModel read(InputStream in) throws IOException {
        return new GenericModelReader(new BinaryFileDataReader(new GZIPInputStream(in))).getModel();
    }

    /**
     * Each feature's log-odds weight for {@code positive} against the other outcome. For a two-outcome maxent
     * model P(positive) is the logistic function of the summed weights, so these weights give both the score
     * and an exact explanation of it.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Double> logOddsWeights(AbstractModel model, String positive) {
        if (model.getNumOutcomes() != 2) {
            throw new IllegalArgumentException("expected a two-outcome model, got " + model.getNumOutcomes());
        }
        int positiveIndex = model.getIndex(positive);
        if (positiveIndex < 0) {
            throw new IllegalArgumentException("model has no outcome " + positive);
        }
        Map<String, Context> parameters = (Map<String, Context>) model.getDataStructures()[1];
        Map<String, Double> weights = new HashMap<>(parameters.size() * 2);
        parameters.forEach((feature, context) -> {
            double logOdds = 0;
            int[] outcomes = context.getOutcomes();
            double[] values = context.getParameters();
            for (int i = 0; i < outcomes.length; i++) {
                logOdds += outcomes[i] == positiveIndex ? values[i] : -values[i];
            }
            if (logOdds != 0) {
                weights.put(feature, logOdds);
            }
        });
        return weights;
    }
}
