package dev.engram.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code engram bench locomo --data locomo10.json}: every system on LoCoMo, one memory per
 * conversation sample, all its selected questions asked against it.
 */
@Command(name = "locomo", mixinStandardHelpOptions = true,
    description = {
        "Benchmark memory systems on LoCoMo (locomo10.json or any file of that format).",
        "Categories: 1 multi-hop, 2 temporal, 3 open-domain, 4 single-hop (retrieval and answer "
            + "targets), 5 adversarial (abstention). --limit counts questions; each sample's "
            + "conversation is ingested once."})
public final class LocomoBenchCommand implements Callable<Integer> {
  @Mixin
  BenchOptions options;

  @Spec
  CommandSpec spec;

  /** Runs the benchmark; returns 0, or throws with a message that names what went wrong. */
  @Override
  public Integer call() {
    BenchConfig config = options.toConfig("locomo");
    HaystackSource source = LocomoSource.load(config.dataFile(), config.selection());
    new BenchRun(config, source, CommandText.of(spec), spec.commandLine().getOut()).run();
    return 0;
  }
}
