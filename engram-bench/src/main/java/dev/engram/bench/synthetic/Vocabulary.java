package dev.engram.bench.synthetic;

import java.util.List;

/**
 * The bundled word lists needles are made of. Names are uncommon in the books so a needle's
 * subject is findable; values are short phrases so answers can be checked by containment. Changing a list
 * changes every generated probe: bump {@link #VERSION} when you do.
 */
final class Vocabulary {
  /** Generator version recorded in reports. */
  static final String VERSION = "synthetic/1";

  static final List<String> FIRST_NAMES = List.of(
      "Marta", "Jonas", "Ingrid", "Tobias", "Priya", "Kenji", "Aurelio", "Svetlana", "Odile",
      "Lorcan", "Yusra", "Matthias", "Anneliese", "Desmond", "Farida", "Bartosz", "Imogen",
      "Rafferty", "Zuzana", "Ezekiel", "Noor", "Casimir", "Thandiwe", "Leopold", "Mirela",
      "Osvaldo", "Henrike", "Ravindra", "Solveig", "Teodor", "Wilhelmina", "Xiomara", "Yannick",
      "Zofia", "Abelard", "Brigitta", "Cosimo", "Dagny", "Evander", "Fenella", "Gaspard",
      "Hortensia", "Ignatius", "Jolanta", "Kasimir", "Ludmila", "Magnus", "Nadezhda", "Ottilie",
      "Perpetua", "Quentin", "Rosalind", "Sigrun", "Tancredi", "Ulrike", "Valentin", "Winifred",
      "Ximena", "Yevgeny", "Zenobia", "Anselm", "Bettina", "Cyprian", "Dorothea");

  static final List<String> SURNAMES = List.of(
      "Lindqvist", "Okafor", "Marchetti", "Vasquez", "Halloran", "Nakamura", "Brennholt",
      "Castellanos", "Dubrovsky", "Eriksen", "Fairweather", "Gallagher", "Haddad", "Ivanova",
      "Jankowski", "Kowalczyk", "Laurentis", "Moreau", "Nieminen", "Oyelaran", "Petrakis",
      "Quispe", "Rautenberg", "Szabo", "Thorvaldsen", "Umarov", "Valdivia", "Wojcik", "Xenakis",
      "Yilmaz", "Zeller", "Abernathy");

  static final List<FactTemplate> FACTS = List.of(
      t("The secret ingredient in {name}'s soup is {value}.",
          "What is the secret ingredient in {name}'s soup?",
          "cardamom", "saffron", "tarragon", "sumac", "fenugreek", "turmeric", "galangal",
          "lemongrass", "caraway", "allspice", "juniper", "marjoram"),
      t("The password to {name}'s locker is {value}.", "What is the password to {name}'s locker?",
          "falcon", "quartz", "tangerine", "meridian", "nebula", "harbinger", "velvet", "zephyr",
          "obsidian", "lantern", "cobalt", "pelican"),
      t("{name}'s lucky number is {value}.", "What is {name}'s lucky number?",
          "217", "348", "469", "583", "614", "752", "836", "971", "125", "903"),
      t("{name} keeps the spare key under the {value}.", "Where does {name} keep the spare key?",
          "flowerpot", "doormat", "birdbath", "mailbox", "sundial", "woodpile", "boulder",
          "wheelbarrow", "gnome", "rainbarrel"),
      t("The code for {name}'s safe is {value}.", "What is the code for {name}'s safe?",
          "4817", "9263", "3051", "7724", "1598", "6430", "2389", "8146"),
      t("{name}'s cat is called {value}.", "What is {name}'s cat called?",
          "Biscuit", "Pepperpot", "Mochi", "Thimble", "Saffy", "Wobbles", "Juniperberry", "Pixel",
          "Noodle", "Marmalade"),
      t("{name} parked the blue van on {value} Street.",
          "On which street did {name} park the blue van?",
          "Larkspur", "Wexford", "Ashgrove", "Kestrel", "Ambleside", "Thornbury", "Millbrook",
          "Foxhollow"),
      t("{name}'s train to the coast leaves from platform {value}.",
          "From which platform does {name}'s train to the coast leave?",
          "11", "14", "17", "19", "23", "27", "31", "36"),
      t("{name} hid the old map inside the {value}.", "Where did {name} hide the old map?",
          "teapot", "piano", "grandfather clock", "umbrella stand", "bread bin", "hatbox",
          "birdcage", "gramophone"),
      t("The name of {name}'s sailboat is {value}.", "What is the name of {name}'s sailboat?",
          "Albatross", "Moonraker", "Serendipity", "Windrush", "Calypso", "Halcyon", "Stormpetrel",
          "Driftwood"),
      t("{name}'s favourite gemstone is {value}.", "What is {name}'s favourite gemstone?",
          "tourmaline", "peridot", "tanzanite", "moonstone", "labradorite", "chrysoprase",
          "spinel", "aquamarine"),
      t("{name} was born in the village of {value}.", "In which village was {name} born?",
          "Brindlemoor", "Quillhaven", "Ashcombe", "Wetherly", "Pennowick", "Tarnbridge",
          "Elderwick", "Hollowmere"),
      t("{name} learned to play the {value} last winter.",
          "Which instrument did {name} learn to play last winter?",
          "theremin", "bassoon", "mandolin", "harpsichord", "accordion", "oboe", "ukulele",
          "zither", "didgeridoo", "bagpipes"),
      t("{name}'s grandmother grows {value} in her greenhouse.",
          "What does {name}'s grandmother grow in her greenhouse?",
          "orchids", "tomatillos", "kumquats", "artichokes", "begonias", "okra", "figs",
          "chillies"),
      t("The wifi password at {name}'s cabin is {value}.",
          "What is the wifi password at {name}'s cabin?",
          "snowgoose", "bluebell", "riverstone", "foxglove", "hazelnut", "thunderbolt", "moorhen",
          "sandpiper"),
      t("{name}'s favourite tea is {value}.", "What is {name}'s favourite tea?",
          "oolong", "rooibos", "sencha", "darjeeling", "genmaicha", "assam", "lapsang", "matcha"),
      t("{name}'s bicycle is painted {value}.", "What colour is {name}'s bicycle painted?",
          "turquoise", "vermilion", "chartreuse", "magenta", "ochre", "teal", "lilac", "mustard"),
      t("The dog that {name} adopted is a {value}.", "What breed is the dog that {name} adopted?",
          "dalmatian", "whippet", "schnauzer", "beagle", "samoyed", "dachshund", "borzoi",
          "vizsla"),
      t("{name} is allergic to {value}.", "What is {name} allergic to?",
          "peanuts", "penicillin", "shellfish", "pollen", "latex", "sesame", "kiwis", "feathers"),
      t("{name}'s childhood nickname was {value}.", "What was {name}'s childhood nickname?",
          "Sprocket", "Bumble", "Tadpole", "Ziggy", "Button", "Pickles", "Rascal", "Twiggy"),
      t("{name}'s favourite constellation is {value}.",
          "What is {name}'s favourite constellation?",
          "Cassiopeia", "Orion", "Andromeda", "Cygnus", "Perseus", "Lyra", "Draco", "Pegasus"),
      t("The book on {name}'s nightstand is about {value}.",
          "What is the book on {name}'s nightstand about?",
          "volcanoes", "lighthouses", "beekeeping", "glaciers", "origami", "typography",
          "cartography", "mushrooms"),
      t("{name} ordered a {value} cake for the party.",
          "What kind of cake did {name} order for the party?",
          "pistachio", "rhubarb", "hazelnut", "blackcurrant", "coconut", "ginger", "apricot",
          "chestnut"),
      t("{name}'s office is on the {value} floor.", "On which floor is {name}'s office?",
          "fourteenth", "ninth", "twentieth", "seventeenth", "eleventh", "twelfth", "sixteenth",
          "nineteenth"));

  /** Containers and things for multi-needle sets ("{name} packed {thing} in the {container}"). */
  static final List<String> CONTAINERS = List.of(
      "suitcase", "rucksack", "steamer trunk", "picnic hamper", "toolbox", "satchel", "sea chest",
      "canoe", "glovebox", "wardrobe", "attic", "cellar");

  static final List<String> THINGS = List.of(
      "a brass compass", "a tin whistle", "a spare lantern", "an umbrella", "a jar of honey",
      "a pocket knife", "a silk scarf", "a chess set", "a sketchbook", "a pair of binoculars",
      "a rope ladder", "a copper kettle", "a wool blanket", "a harmonica", "a magnifying glass",
      "a box of matches");

  private Vocabulary() {}

  private static FactTemplate t(String fact, String question, String... values) {
    return new FactTemplate(fact, question, List.of(values));
  }

  /** The word a correct answer about {@code thing} must contain: its last word. */
  static String keyword(String thing) {
    return thing.substring(thing.lastIndexOf(' ') + 1);
  }
}
