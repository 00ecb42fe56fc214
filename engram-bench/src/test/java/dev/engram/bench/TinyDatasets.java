package dev.engram.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Tiny hand-written files in the official LongMemEval and LoCoMo formats, 3 questions each,
 * with filler sessions about other topics so retrieval has something to rank.
 */
final class TinyDatasets {
  static final ObjectMapper JSON = new ObjectMapper();
  /** The easy LongMemEval question: its evidence turn says the dog's name outright. */
  static final String EASY_LONGMEMEVAL = "q-dog";
  /** The easy LoCoMo question (the first of the sample). */
  static final String EASY_LOCOMO = "conv-1#q0";

  private static final String[] FILLER = {
      "I am repainting the kitchen cabinets a pale green colour this weekend.",
      "Can you suggest a weekly running plan for a half marathon in autumn?",
      "My laptop battery drains quickly when the video editor is open.",
      "We are planning a budget for the community garden fundraiser.",
      "Which houseplants survive in a north facing bathroom with little light?",
      "I keep forgetting to water the basil on the balcony.",
      "Explain how compound interest works on a savings account.",
      "The train to the coast was delayed by two hours on Friday."};

  private TinyDatasets() {}

  /** Writes a gzipped LongMemEval file of 3 questions (one abstention) to {@code file}. */
  static Path longMemEval(Path file) throws IOException {
    ArrayNode items = JSON.createArrayNode();
    items.add(lmeItem(EASY_LONGMEMEVAL, "single-session-user", "What is the name of my dog?",
        "Biscuit", "My new puppy is a golden retriever and his name is Biscuit.", false));
    items.add(lmeItem("q-city", "single-session-user", "Which city did I move to for my new job?",
        "Porto", "I just moved to Porto for my new job at the shipping company.", false));
    items.add(lmeItem("q-car_abs", "single-session-user", "What colour is my motorbike?",
        "You did not mention a motorbike.", null, true));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      JSON.writeValue(out, items);
    }
    return file;
  }

  private static ObjectNode lmeItem(String id, String type, String question, String answer,
      String evidence, boolean abstention) {
    ObjectNode item = JSON.createObjectNode();
    item.put("question_id", id).put("question_type", type).put("question", question)
        .put("answer", answer).put("question_date", "2023/06/01 (Thu) 09:00");
    ArrayNode ids = item.putArray("haystack_session_ids");
    ArrayNode dates = item.putArray("haystack_dates");
    ArrayNode sessions = item.putArray("haystack_sessions");
    ArrayNode answers = item.putArray("answer_session_ids");
    for (int s = 0; s < FILLER.length; s++) {
      boolean isEvidence = evidence != null && s == 5;
      String sessionId = (isEvidence ? "answer_" : "filler_") + id + "_" + s;
      ids.add(sessionId);
      dates.add(String.format("2023/05/%02d (Mon) 10:%02d", s + 1, s));
      ArrayNode turns = sessions.addArray();
      turn(turns, "user", isEvidence ? evidence : FILLER[s], isEvidence);
      turn(turns, "assistant", "That sounds good. " + FILLER[(s + 3) % FILLER.length], false);
      turn(turns, "user", FILLER[(s + 1) % FILLER.length], false);
      turn(turns, "assistant", "Here is a thought: " + FILLER[(s + 5) % FILLER.length], false);
      if (isEvidence) {
        answers.add(sessionId);
      }
    }
    return item;
  }

  private static void turn(ArrayNode turns, String role, String content, boolean hasAnswer) {
    ObjectNode turn = turns.addObject().put("role", role).put("content", content);
    if (hasAnswer) {
      turn.put("has_answer", true);
    }
  }

  /** Writes a plain LoCoMo file of one sample with 3 questions (one adversarial) to {@code file}. */
  static Path locomo(Path file) throws IOException {
    ArrayNode samples = JSON.createArrayNode();
    ObjectNode sample = samples.addObject().put("sample_id", "conv-1");
    ObjectNode conversation = sample.putObject("conversation")
        .put("speaker_a", "Caroline").put("speaker_b", "Melanie");
    for (int s = 1; s <= 6; s++) {
      conversation.put("session_" + s + "_date_time", "1:56 pm on " + s + " May, 2023");
      ArrayNode turns = conversation.putArray("session_" + s);
      for (int t = 1; t <= 4; t++) {
        String speaker = t % 2 == 1 ? "Caroline" : "Melanie";
        String text = FILLER[(s + t) % FILLER.length];
        if (s == 3 && t == 2) {
          text = "I adopted a grey cat named Pepper from the shelter last week!";
        }
        if (s == 5 && t == 1) {
          text = "Our pottery class meets every Tuesday evening at the arts centre.";
        }
        turns.addObject().put("speaker", speaker).put("dia_id", "D" + s + ":" + t)
            .put("text", text);
      }
    }
    ArrayNode qa = sample.putArray("qa");
    qa.addObject().put("question", "What is the name of Melanie's cat?").put("answer", "Pepper")
        .put("category", 4).putArray("evidence").add("D3:2");
    qa.addObject().put("question", "When does Caroline's pottery class meet?")
        .put("answer", "every Tuesday evening").put("category", 2).putArray("evidence").add("D5:1");
    qa.addObject().put("question", "What is the name of Caroline's horse?")
        .put("adversarial_answer", "Thunder").put("category", 5).putArray("evidence");
    JSON.writeValue(file.toFile(), samples);
    return file;
  }
}
