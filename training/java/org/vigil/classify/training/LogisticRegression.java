package org.vigil.classify.training;

import java.util.List;

/**
 * Weighted L2-regularised logistic regression on dense vectors, fitted by Newton's method (the Hessian is only
 * (d+1) x (d+1) for a 384-dimension embedding): deterministic, no learning rate, converges in a few steps.
 */
final class LogisticRegression {

    /** A fitted model: one weight per dimension and an intercept. */
    record Fit(double[] weights, double bias) {

        double logOdds(float[] x) {
            double sum = bias;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i] * x[i];
            }
            return sum;
        }
    }

    /** One training row: its vector, its label and its weight. */
    record Example(float[] x, boolean positive, double weight) {
    }

    private static final int MAX_STEPS = 25;
    private static final double TOLERANCE = 1e-6;

    private LogisticRegression() {
    }

    /**
     * Minimises the weighted log loss plus {@code l2 / 2 * |w|^2} (the intercept is not penalised), starting from
     * {@code start} when given (the cross-validation folds start from the full fit).
     */
    static Fit fit(List<Example> examples, double l2, Fit start) {
        int d = examples.get(0).x().length;
        int n = d + 1; // the intercept is the last coefficient
        double[] beta = new double[n];
        if (start != null) {
            System.arraycopy(start.weights(), 0, beta, 0, d);
            beta[d] = start.bias();
        }
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            double[] row = new double[n];
            row[d] = 1;
            for (Example e : examples) {
                for (int i = 0; i < d; i++) {
                    row[i] = e.x()[i];
                }
                double z = 0;
                for (int i = 0; i < n; i++) {
                    z += beta[i] * row[i];
                }
                double p = 1 / (1 + Math.exp(-z));
                double residual = e.weight() * (p - (e.positive() ? 1 : 0));
                double curvature = e.weight() * p * (1 - p);
                for (int i = 0; i < n; i++) {
                    gradient[i] += residual * row[i];
                    double ci = curvature * row[i];
                    double[] h = hessian[i];
                    for (int j = 0; j <= i; j++) {
                        h[j] += ci * row[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                gradient[i] += l2 * beta[i];
                hessian[i][i] += l2;
            }
            hessian[d][d] += 1e-9;
            double[] delta = solveSymmetric(hessian, gradient);
            double change = 0;
            for (int i = 0; i < n; i++) {
                beta[i] -= delta[i];
                change = Math.max(change, Math.abs(delta[i]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        double[] weights = new double[d];
        System.arraycopy(beta, 0, weights, 0, d);
        return new Fit(weights, beta[d]);
    }

    /** Solves H x = g for a symmetric positive definite H given by its lower triangle (Cholesky). */
    private static double[] solveSymmetric(double[][] h, double[] g) {
        int n = g.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = h[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = g[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
