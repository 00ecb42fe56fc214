package dev.engram.fact;

import dev.engram.model.MemoryItem;
import dev.engram.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline {@link FactExtractor}: a handful of patterns for what people state about themselves
 * and their world, applied to each sentence of the user's turns (or of a whole document page).
 *
 * <ul>
 *   <li>identity, relations, possessions: "my X is Y", "my X's name is Y", "my new X is Y",
 *       "I changed my X to Y", "my sister Anna";
 *   <li>places: "I moved to X", "I live in X" (attribute {@code home}), "I'm from X";
 *   <li>work: "I work at/for X" ({@code employer}), "I work as a X" ({@code job});
 *   <li>possessions: "I have/own/bought/got a X" ({@code owns <head noun>});
 *   <li>preferences: "I prefer X over Y", "I like/love/enjoy X", "I hate X";
 *   <li>changes: "I no longer X", "I don't X anymore", "I sold my X" (the same attribute as the
 *       positive statement, so it supersedes it), "actually, it's Y" (the attribute of the
 *       previous fact in the same episode);
 *   <li>plans: "I plan/am planning/am going to X".
 * </ul>
 *
 * <p>Attributes are lower case and singular-spaced; values are cut at the end of the clause.
 * Thread-safe and stateless; never throws on odd text.
 */
public final class RuleFactExtractor implements FactExtractor {
  private static final int MAX_VALUE = 80;
  private static final String END = "(?=$|[.,;!?]| and | but | because | since | so | which )";
  private static final String VALUE = "([^.,;!?]{1,80}?)" + END;

  private static final List<Rule> RULES = List.of(
      rule("\\bI changed my ([a-z][a-z ]{1,30}?) to " + VALUE, 1, 2),
      rule("\\bmy ([a-z][a-z ]{1,30}?)'s name is " + VALUE, m -> m.group(1) + " name", 2),
      rule("\\bmy (?:new |current )?([a-z][a-z ]{1,30}?) (?:is now|is|are|was|'s) "
          + "(?:called |named |now )?" + VALUE, 1, 2),
      new Rule(Pattern.compile("\\b(?i:my (wife|husband|partner|sister|brother|mother|mom|"
          + "father|dad|son|daughter|boyfriend|girlfriend|boss|dog|cat|puppy|kitten)) "
          + "([A-Z][a-z]+)\\b"), m -> m.group(1), m -> m.group(2)),
      rule("\\bI(?: have|'ve)? (?:just |recently |finally )?(?:moved|relocated) to " + VALUE,
          m -> "home", 1),
      rule("\\bI(?: now| currently)? live in " + VALUE, m -> "home", 1),
      rule("\\bI(?:'m| am) (?:originally )?from " + VALUE, m -> "hometown", 1),
      rule("\\bI(?: now| currently)? work (?:at|for) " + VALUE, m -> "employer", 1),
      rule("\\bI (?:started|got a job) (?:working )?(?:at|with|for) " + VALUE, m -> "employer", 1),
      rule("\\bI(?: now| currently)? work as (?:a |an )?" + VALUE, m -> "job", 1),
      rule("\\bI (?:prefer|like) ([^.,;!?]{1,40}?) (?:over|to|more than) " + VALUE,
          m -> "preference between " + ordered(m.group(1), m.group(2)), 1),
      rule("\\bI (?:now )?(?:really )?(?:like|love|enjoy|prefer) " + VALUE,
          m -> "likes " + head(m.group(1)), m -> "yes: " + m.group(1)),
      rule("\\bI (?:really )?(?:hate|dislike|can't stand) " + VALUE,
          m -> "likes " + head(m.group(1)), m -> "no: " + m.group(1)),
      rule("\\bI no longer (?:like|love|enjoy) " + VALUE,
          m -> "likes " + head(m.group(1)), m -> "no longer: " + m.group(1)),
      rule("\\bI no longer (live in|work at|work for|work as|own|have|drive|play|use) " + VALUE,
          m -> verbAttribute(m.group(1), m.group(2)), m -> "no longer: " + m.group(2)),
      rule("\\bI (?:don't|do not) ([a-z]+(?: [a-z]+)?) ([^.,;!?]{1,60}?) any ?more",
          m -> verbAttribute(m.group(1), m.group(2)), m -> "no longer: " + m.group(2)),
      rule("\\bI (?:just |recently )?(?:have|own|bought|got|adopted) (?:a |an |my first )"
          + "(?:new )?" + VALUE, m -> "owns " + head(m.group(1)), 1),
      rule("\\bI (?:just )?sold my " + VALUE, m -> "owns " + head(m.group(1)),
          m -> "no longer: " + m.group(1)),
      rule("\\bI(?:'m| am)? (?:planning|going|hoping|plan) to " + VALUE,
          m -> "plan to " + firstWord(m.group(1)), 1));

  /** Time words that end a clause but are not part of the value ("Lisbon last month"). */
  private static final Pattern TRAILING_TIME = Pattern.compile(
      "\\s+(yesterday|today|tonight|recently|now|again|last \\w+|this \\w+|\\w+ ago)$",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern CORRECTION = Pattern.compile(
      "\\bactually,? (?:it's|it is|it was|that's|make that|change it to) " + VALUE,
      Pattern.CASE_INSENSITIVE);

  @Override
  public List<Fact> extract(MemoryItem episode) {
    List<Fact> facts = new ArrayList<>();
    try {
      for (String sentence : statements(episode.text())) {
        extractFrom(episode, sentence, facts);
      }
    } catch (RuntimeException e) {
      // a failure to extract is not a failure to remember
    }
    return facts;
  }

  private static void extractFrom(MemoryItem episode, String sentence, List<Fact> facts) {
    Matcher correction = CORRECTION.matcher(sentence);
    if (correction.find() && !facts.isEmpty()) {
      String attribute = facts.get(facts.size() - 1).attribute();
      add(facts, episode, attribute, correction.group(1), sentence);
      return;
    }
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern.matcher(sentence);
      if (matcher.find()) {
        add(facts, episode, rule.attribute.apply(matcher), rule.value.apply(matcher), sentence);
        return; // one fact per sentence: the first, most specific rule wins
      }
    }
  }

  private static void add(
      List<Fact> facts, MemoryItem episode, String attribute, String value, String sentence) {
    String cleanAttribute = normalise(attribute);
    String cleanValue = value == null ? "" : TRAILING_TIME.matcher(value.strip()).replaceAll("");
    if (cleanAttribute.isEmpty() || cleanValue.isEmpty() || cleanValue.length() > MAX_VALUE
        || cleanAttribute.split(" ").length > 6) {
      return;
    }
    facts.add(new Fact(cleanAttribute, cleanValue, episode.eventTime(), episode.id(),
        sentence.strip()));
  }

  /** The sentences of the user's lines of a round, or of the whole text when it has no roles. */
  static List<String> statements(String text) {
    List<String> lines = new ArrayList<>();
    boolean roles = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("user: ")) {
        lines.add(line.substring(6));
        roles = true;
      } else if (line.startsWith("assistant: ") || line.startsWith("system: ")) {
        roles = true;
      }
    }
    String source = roles ? String.join("\n", lines) : text;
    List<String> sentences = new ArrayList<>();
    for (String sentence : SentenceSplitter.sentences(source)) {
      if (sentence.length() <= 600) {
        sentences.add(sentence);
      }
    }
    return sentences;
  }

  static String normalise(String attribute) {
    String lower = attribute.toLowerCase(Locale.ROOT).replace("favourite", "favorite")
        .replaceAll("^(the|a|an|new|current|old) ", "").replaceAll("\\s+", " ").strip();
    return switch (lower) {
      case "mom" -> "mother";
      case "dad" -> "father";
      case "name's" -> "name";
      default -> lower;
    };
  }

  private static String verbAttribute(String verb, String object) {
    return switch (verb.toLowerCase(Locale.ROOT)) {
      case "live in" -> "home";
      case "work at", "work for" -> "employer";
      case "work as" -> "job";
      case "own", "have" -> "owns " + head(object);
      case "like", "love", "enjoy" -> "likes " + head(object);
      default -> verb.toLowerCase(Locale.ROOT) + " " + head(object);
    };
  }

  /** The last word of a noun phrase, without articles: "a red kayak" -> "kayak". */
  static String head(String phrase) {
    String[] words = TRAILING_TIME.matcher(phrase.strip()).replaceAll("")
        .toLowerCase(Locale.ROOT).split("\\s+");
    return words[words.length - 1].replaceAll("[^a-z0-9'-]", "");
  }

  private static String firstWord(String phrase) {
    return phrase.strip().toLowerCase(Locale.ROOT).split("\\s+")[0];
  }

  private static String ordered(String a, String b) {
    String x = a.strip().toLowerCase(Locale.ROOT);
    String y = b.strip().toLowerCase(Locale.ROOT);
    return x.compareTo(y) <= 0 ? x + " and " + y : y + " and " + x;
  }

  private static Rule rule(String regex, int attributeGroup, int valueGroup) {
    return rule(regex, m -> m.group(attributeGroup), m -> m.group(valueGroup));
  }

  private static Rule rule(
      String regex, java.util.function.Function<Matcher, String> attribute, int valueGroup) {
    return rule(regex, attribute, m -> m.group(valueGroup));
  }

  private static Rule rule(String regex, java.util.function.Function<Matcher, String> attribute,
      java.util.function.Function<Matcher, String> value) {
    return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), attribute, value);
  }

  private record Rule(Pattern pattern, java.util.function.Function<Matcher, String> attribute,
      java.util.function.Function<Matcher, String> value) {}
}
