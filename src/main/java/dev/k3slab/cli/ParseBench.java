package dev.k3slab.cli;

import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.observe.Parsers;
import dev.k3slab.observe.TableText;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lab bench parse}: parse throughput for a 1,000-row {@code kubectl get nodes -o wide}
 * table (as kubectl aligns it, and with spaces collapsed) and a 100-member {@code etcdctl member
 * list -w table}, after warm-up. Prints figures; asserts nothing about them.
 */
@Command(name = "parse",
        mixinStandardHelpOptions = true,
        description = "Parse throughput of the output parsers (1,000-row nodes table, 100-member etcd table).")
public final class ParseBench implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--warmup", defaultValue = "200", description = "Parses of each input before measuring (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "500", description = "Measured parses of each input (default ${DEFAULT-VALUE}).")
    int iterations;

    /** One input to measure: its name, its text, how many rows it holds and the parser to run. */
    private record Case(String name, String text, int rows, Function<String, List<?>> parser) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<NodeRow> nodes = nodes(1000);
        String wide = TableText.nodes(nodes, true);
        List<Case> cases = List.of(
                new Case("kubectl get nodes -o wide, aligned", wide, 1000, Parsers::kubectlNodes),
                new Case("kubectl get nodes -o wide, collapsed", wide.replaceAll(" {2,}", " "), 1000, Parsers::kubectlNodes),
                new Case("etcdctl member list -w table", TableText.members(members(100)), 100, Parsers::etcdMembers));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean allocation = threads instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported();
        out.printf(Locale.ROOT, "parse throughput: %d warm-up and %d measured parses per input, Java %s%n",
                warmup, iterations, Runtime.version());
        out.printf(Locale.ROOT, "%-38s %6s %9s %11s %12s %9s %14s%n", "input", "rows", "KiB", "median ms", "rows/s", "MB/s",
                "alloc/parse");
        long sink = 0;
        for (Case c : cases) {
            int expected = c.parser().apply(c.text()).size();
            if (expected != c.rows()) {
                throw new IllegalStateException(c.name() + ": parsed " + expected + " rows, generated " + c.rows());
            }
            for (int i = 0; i < warmup; i++) {
                sink += c.parser().apply(c.text()).size();
            }
            long[] nanos = new long[iterations];
            long allocatedBefore = allocation ? allocated(threads) : 0;
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                sink += c.parser().apply(c.text()).size();
                nanos[i] = System.nanoTime() - start;
            }
            long allocatedPerParse = allocation ? (allocated(threads) - allocatedBefore) / iterations : -1;
            double medianSeconds = BenchTimes.Spread.of(nanos).medianMs() / 1e3;
            int bytes = c.text().getBytes(StandardCharsets.UTF_8).length;
            out.printf(Locale.ROOT, "%-38s %6d %9.1f %11.3f %12.0f %9.1f %14s%n", c.name(), c.rows(),
                    bytes / 1024.0, medianSeconds * 1e3, c.rows() / medianSeconds, bytes / 1e6 / medianSeconds,
                    allocatedPerParse < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f MB", allocatedPerParse / 1e6));
        }
        out.printf(Locale.ROOT, "(%d rows read in all)%n", sink);
        out.flush();
        return 0;
    }

    private static long allocated(ThreadMXBean threads) {
        return ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    // A lab grown large: 3 servers, the rest agents, ages spread over a year.
    private static List<NodeRow> nodes(int count) {
        Random random = new Random(1);
        List<NodeRow> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean server = i < 3;
            String age = Parsers.humanDuration(Duration.ofSeconds(random.nextInt(365 * 86400)));
            nodes.add(new NodeRow(String.format(Locale.ROOT, "node-%04d", i), random.nextInt(20) == 0 ? "NotReady" : "Ready",
                    server ? List.of("control-plane", "etcd", "master") : List.of(), age, Parsers.ageLowerBound(age),
                    "v1.27.9+k3s1", "10.%d.%d.%d".formatted(i / 65536, i / 256 % 256, i % 256), null, "Ubuntu 22.04.5 LTS",
                    "5.15.0-160-generic", "containerd://1.7.11-k3s2.27"));
        }
        return nodes;
    }

    private static List<EtcdMember> members(int count) {
        Random random = new Random(2);
        List<EtcdMember> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String ip = "10.0.%d.%d".formatted(i / 256, i % 256);
            members.add(new EtcdMember(Long.toHexString(random.nextLong()), "started",
                    "cp-%d-%08x".formatted(i, random.nextInt()), List.of("https://" + ip + ":2380"),
                    List.of("https://" + ip + ":2379"), i % 10 == 9));
        }
        return members;
    }
}
