package dev.engram.bench.updates;

import dev.engram.model.Message;
import dev.engram.model.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Deterministic update/forget cases from a seed: for each case an attribute is stated, changed
 * 1-3 times (with varied phrasings: "my X is now", "I changed my X to", "actually, it's"), mixed
 * with filler sessions (some mention the attribute without a value), and a secret is stated once
 * in its own session. Same seed, same cases.
 */
final class UpdateCaseGenerator {
  private static final Instant START = Instant.parse("2024-01-08T09:00:00Z");
  private static final String[][] ATTRIBUTES = {
      {"gym locker code", "code"}, {"wifi password", "word"}, {"dentist", "name"},
      {"favorite restaurant", "place"}, {"car", "car"}, {"bike lock combination", "code"},
      {"team lead", "name"}, {"yoga teacher", "name"}, {"parking spot", "code"},
      {"favorite tea", "tea"}, {"landlord", "name"}, {"book club host", "name"}};
  private static final String[] NAMES = {"Marta", "Idris", "Quentin", "Soledad", "Bjorn",
      "Priya", "Tobias", "Noor", "Esteban", "Keiko", "Ludmila", "Oisin", "Farah", "Dmitri"};
  private static final String[] PLACES = {"Casa Lupa", "The Green Fig", "Sakura Tei",
      "Bistro Lumen", "Taqueria Sol", "Pho Bac", "Nonna Rosa", "Blue Anchor"};
  private static final String[] CARS = {"Skoda Octavia", "Toyota Yaris", "Volvo XC40",
      "Mazda MX5", "Fiat Panda", "Kia Niro", "Tesla Model 3", "Renault Zoe"};
  private static final String[] TEAS = {"sencha", "rooibos", "assam", "oolong", "earl grey",
      "chamomile", "genmaicha", "darjeeling"};
  private static final String[] WORDS = {"lanternfish", "cobaltwave", "mossybridge",
      "quietorbit", "amberkite", "fernlight", "saltmarsh", "tidepool"};
  private static final String[] FILLER = {
      "We talked about the weather turning cold and the heating bill.",
      "I spent the evening reorganising the bookshelf by colour.",
      "The neighbours hosted a barbecue and the music went on late.",
      "I tried a new bread recipe with rosemary and olive oil.",
      "Work was busy with quarterly planning meetings all week.",
      "We watched a documentary about deep sea creatures.",
      "I went for a long walk along the river after lunch.",
      "My sister called to talk about her holiday plans."};

  private final Random random;

  UpdateCaseGenerator(long seed) {
    this.random = new Random(seed);
  }

  List<UpdateCase> cases(int count, int fillers) {
    List<UpdateCase> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(next(i, fillers));
    }
    return out;
  }

  private UpdateCase next(int index, int fillers) {
    String[] attribute = ATTRIBUTES[index % ATTRIBUTES.length];
    int changes = 1 + random.nextInt(3);
    List<String> values = distinctValues(attribute[1], changes + 1);
    List<List<Message>> statements = new ArrayList<>();
    statements.add(List.of(Message.user("By the way, my " + attribute[0] + " is "
        + values.get(0) + "."), Message.assistant("Got it, I'll remember that.")));
    for (int c = 1; c <= changes; c++) {
      statements.add(change(attribute[0], values.get(c - 1), values.get(c)));
    }
    String secret = "PIN " + (1000 + random.nextInt(9000)) + "-" + (10 + random.nextInt(90));
    List<List<Message>> all = new ArrayList<>(statements);
    for (int f = 0; f < fillers; f++) {
      String text = FILLER[random.nextInt(FILLER.length)] + " It reminded me of my "
          + attribute[0] + " again.";
      all.add(List.of(Message.user(f % 3 == 0 ? text : FILLER[random.nextInt(FILLER.length)]),
          Message.assistant("That sounds nice.")));
    }
    // statements keep their order; fillers go between them
    List<Integer> slots = new ArrayList<>();
    for (int s = 0; s < all.size(); s++) {
      slots.add(s);
    }
    Collections.shuffle(slots.subList(0, slots.size()), random);
    List<Integer> statementSlots = new ArrayList<>(slots.subList(0, statements.size()));
    Collections.sort(statementSlots);
    List<List<Message>> ordered = new ArrayList<>(Collections.nCopies(all.size(), null));
    for (int s = 0; s < statements.size(); s++) {
      ordered.set(statementSlots.get(s), statements.get(s));
    }
    int filler = statements.size();
    for (int s = 0; s < ordered.size(); s++) {
      if (ordered.get(s) == null) {
        ordered.set(s, all.get(filler++));
      }
    }
    String subject = "u" + index;
    List<Session> sessions = new ArrayList<>();
    Instant at = START;
    for (int s = 0; s < ordered.size(); s++) {
      sessions.add(new Session("s" + s, at, ordered.get(s)));
      at = at.plus(Duration.ofDays(1 + random.nextInt(6)));
    }
    String secretSession = "secret";
    sessions.add(new Session(secretSession, at, List.of(
        Message.user("Please keep this safe: my bank card " + secret + " is for emergencies."),
        Message.assistant("I will keep it safe."))));
    return new UpdateCase(subject, "What is my " + attribute[0] + "?", values, sessions, secret,
        "What is my bank card PIN?", secretSession, at.plus(Duration.ofDays(2)));
  }

  private List<Message> change(String attribute, String old, String value) {
    String text = switch (random.nextInt(4)) {
      case 0 -> "Quick update: my " + attribute + " is now " + value + ".";
      case 1 -> "I changed my " + attribute + " to " + value + " last week.";
      case 2 -> "My " + attribute + " is " + old + "? Actually, it's " + value + ".";
      default -> "Heads up, my new " + attribute + " is " + value + ".";
    };
    return List.of(Message.user(text), Message.assistant("Thanks, noted the change."));
  }

  private List<String> distinctValues(String kind, int count) {
    List<String> pool = new ArrayList<>(List.of(switch (kind) {
      case "name" -> NAMES;
      case "place" -> PLACES;
      case "car" -> CARS;
      case "tea" -> TEAS;
      case "word" -> WORDS;
      default -> codes();
    }));
    Collections.shuffle(pool, random);
    return List.copyOf(pool.subList(0, count));
  }

  private String[] codes() {
    String[] codes = new String[8];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = Integer.toString(1000 + random.nextInt(9000)) + (char) ('A' + i);
    }
    return codes;
  }
}
