package dev.engram.bench.llm;

import dev.engram.openai.cli.EndpointOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The bench options for an LLM reader and judge; the endpoint options match {@code engram ask}. */
public final class LlmBenchOptions {
  @Option(names = "--reader", paramLabel = "KIND", defaultValue = "extractive",
      description = "Reader that answers: extractive (offline) or llm (quote-checked, falls back to "
          + "extractive; needs --llm-url and --llm-model) (default: ${DEFAULT-VALUE}).")
  String reader;

  @Option(names = "--judge", paramLabel = "KIND", defaultValue = "none",
      description = "Also score answers with an LLM judge (llm) beside token F1; the judge prompt "
          + "is printed in the report (default: ${DEFAULT-VALUE}).")
  String judge;

  @Option(names = "--judge-model", paramLabel = "NAME",
      description = "Model of the judge (default: the --llm-model).")
  String judgeModel;

  @Mixin EndpointOptions endpoint = new EndpointOptions();

  /**
   * The run's LLM setup; the endpoint is only read when the reader or the judge is an LLM.
   *
   * @throws IllegalArgumentException naming the option when a value is wrong or missing
   */
  public LlmBench setup() {
    boolean llmReader = LlmBench.isLlm(reader, "--reader", "extractive");
    boolean llmJudge = LlmBench.isLlm(judge, "--judge", "none");
    if (!llmReader && !llmJudge) {
      return LlmBench.OFF;
    }
    return new LlmBench(llmReader, llmJudge, endpoint.config().orElse(null), judgeModel);
  }
}
