package dev.smtpexplain.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;

/** The JMH runs of one suite, looked up by benchmark method and parameters. */
final class JmhResults {

    private final List<RunResult> runs = new ArrayList<>();

    void addAll(Collection<RunResult> more) {
        runs.addAll(more);
    }

    /**
     * The result of {@code Class.method} (simple class name) run with the given parameters, if it ran.
     */
    Optional<Measurement> find(Class<?> benchmark, String method, Map<String, String> params) {
        String name = benchmark.getName() + "." + method;
        return runs.stream()
                .filter(r -> r.getParams().getBenchmark().equals(name))
                .filter(r -> params.entrySet().stream().allMatch(p -> p.getValue().equals(r.getParams().getParam(p.getKey()))))
                .findFirst()
                .map(Measurement::of);
    }

    Optional<Measurement> find(Class<?> benchmark, String method) {
        return find(benchmark, method, Map.of());
    }
}
