package dev.engram.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code engram bench longmemeval --data longmemeval_s.json.gz}: every system on LongMemEval, each
 * question against its own haystack.
 */
@Command(name = "longmemeval", mixinStandardHelpOptions = true,
    description = {
        "Benchmark memory systems on LongMemEval (longmemeval_s / _m / _oracle files or splits, "
            + "plain or .gz).",
        "Each question gets a fresh memory of its own haystack. Categories are question types; "
            + "_abs questions are scored for abstention only."})
public final class LongMemEvalBenchCommand implements Callable<Integer> {
  @Mixin
  BenchOptions options;

  @Spec
  CommandSpec spec;

  /** Runs the benchmark; returns 0, or throws with a message that names what went wrong. */
  @Override
  public Integer call() {
    BenchConfig config = options.toConfig("longmemeval");
    HaystackSource source = LongMemEvalSource.scan(config.dataFile(), config.selection());
    new BenchRun(config, source, CommandText.of(spec), spec.commandLine().getOut()).run();
    return 0;
  }
}
