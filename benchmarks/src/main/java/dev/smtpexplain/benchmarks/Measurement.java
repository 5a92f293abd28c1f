package dev.smtpexplain.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark's primary result: the median and mean of the measurement iterations, the 99.9%
 * confidence half-width of the mean (JMH's error; NaN with fewer than two iterations) and the unit.
 */
record Measurement(double median, double mean, double error, String unit) {

    static Measurement of(RunResult run) {
        Result<?> r = run.getPrimaryResult();
        return new Measurement(r.getStatistics().getPercentile(50), r.getScore(), r.getScoreError(), r.getScoreUnit());
    }

    /** The error relative to the mean, 0 when JMH gives none. */
    double relativeError() {
        return Double.isNaN(error) || mean == 0 ? 0 : error / mean;
    }

    /**
     * {@code this / other} by medians, with an error bar from the two relative errors (a first-order
     * bound: the relative errors add).
     */
    Ratio over(Measurement other) {
        double value = median / other.median;
        return new Ratio(value, value * (relativeError() + other.relativeError()));
    }

    /** A ratio of two measurements and its error bar. */
    record Ratio(double value, double error) {
    }
}
