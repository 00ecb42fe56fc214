package dev.engram.retain;

import dev.engram.model.Require;

/**
 * Per-turn multiplicative decay of an episode's salience, by {@link TurnKind} (research.md
 * capability 4): after {@code n} later turns, salience is {@code sal * rate^n}. Pinned items use
 * rate 1. The decay is applied in closed form when pruning ranks episodes, which equals decaying a
 * stored value once per turn without rewriting every item on every turn.
 *
 * @param chitChat rate for {@link TurnKind#CHIT_CHAT}, in (0, 1]
 * @param ordinary rate for {@link TurnKind#ORDINARY}, in (0, 1]
 * @param instruction rate for {@link TurnKind#INSTRUCTION}, in (0, 1]
 */
public record TurnDecay(double chitChat, double ordinary, double instruction) {
  /**
   * Engram's default: ordinary turns lose 0.1% per later turn, small talk 1%, instructions
   * nothing. Slower than {@link #SIRLLM} because a long-term memory ranks episodes thousands of
   * turns apart: at 0.9 per turn, salience stops mattering after ~50 turns and pruning becomes
   * plain recency (docs/BENCHMARKS.md, "Pruning", measures both).
   */
  public static final TurnDecay DEFAULT = new TurnDecay(0.99, 0.999, 1.0);
  /** The rates in research.md, from SirLLM's scripts: 0.7, 0.9 and 1.0. */
  public static final TurnDecay SIRLLM = new TurnDecay(0.7, 0.9, 1.0);

  public TurnDecay {
    check(chitChat, "chitChat");
    check(ordinary, "ordinary");
    check(instruction, "instruction");
  }

  /**
   * Parses {@code "chitChat,ordinary,instruction"}, such as {@code "0.7,0.9,1"}.
   *
   * @throws IllegalArgumentException naming the problem when it is not three rates in (0, 1]
   */
  public static TurnDecay parse(String rates) {
    String[] parts = Require.nonNull(rates, "rates").split(",", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("decay takes three rates, chit-chat,ordinary,instruction,"
          + " such as 0.7,0.9,1; was '" + rates + "'");
    }
    double[] values = new double[3];
    for (int i = 0; i < 3; i++) {
      try {
        values[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("decay rate '" + parts[i].strip() + "' in '" + rates
            + "' is not a number");
      }
    }
    return new TurnDecay(values[0], values[1], values[2]);
  }

  /** The rate of a turn of {@code kind}; 1 when {@code pinned}. */
  public double rate(TurnKind kind, boolean pinned) {
    if (pinned) {
      return 1;
    }
    return switch (kind) {
      case CHIT_CHAT -> chitChat;
      case ORDINARY -> ordinary;
      case INSTRUCTION -> instruction;
    };
  }

  private static void check(double rate, String name) {
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], was " + rate);
    }
  }
}
