package dev.engram.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.model.Message;
import dev.engram.model.Role;
import dev.engram.model.Session;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads LoCoMo files in the official {@code locomo10.json} shape: a JSON array of samples, each
 *
 * <pre>{@code
 * {"sample_id": "conv-1",
 *  "conversation": {"speaker_a": "Ana", "speaker_b": "Ben",
 *    "session_1_date_time": "1:56 pm on 8 May, 2023",
 *    "session_1": [{"speaker": "Ana", "dia_id": "D1:1", "text": "Hi Ben!",
 *                   "blip_caption": "a photo of ...", "img_url": ["..."]}, ...], ...},
 *  "qa": [{"question": "...", "answer": "4 March 2023", "evidence": ["D1:2"], "category": 2},
 *         {"question": "...", "adversarial_answer": "...", "evidence": [], "category": 5}, ...]}
 * }</pre>
 *
 * <p>How it maps to Engram: each {@code session_N} becomes a {@link Session} with id {@code
 * session_N} (in number order) starting at {@code session_N_date_time}, read as UTC by a tolerant
 * parser; every message carries that time too. LoCoMo has two human speakers, not a user and an
 * assistant: {@code speaker_a} becomes {@link Role#USER} and {@code speaker_b} {@link
 * Role#ASSISTANT}, and each message starts with the speaker's name ({@code "Ana: I joined a choir
 * last week."}) because questions name people. A shared photo's {@code blip_caption} is appended
 * as {@code " [shares a photo: <caption>]"}. Message ids are the turn ids ({@code D3:7}). Turns
 * with neither text nor caption, and sessions left empty, are skipped; {@code session_N_date_time}
 * keys without a {@code session_N} (one sample of {@code locomo10.json} has 16) are ignored;
 * {@code qa} may be absent.
 *
 * <p>Evidence is cleaned up as it is read, because the official file has a few malformed entries:
 * entries holding several ids ({@code "D8:6; D9:17"}, {@code "D9:1 D4:4"}) are split on {@code ;},
 * {@code ,} and spaces; ids are written canonically ({@code D:11:26} and {@code D30:05} become
 * {@code D11:26} and {@code D30:5}); tokens without a digit ({@code "D"}) are dropped; duplicates
 * are kept once. Answers that are numbers in the JSON are returned as text.
 *
 * <p><b>Errors:</b> a missing or mistyped field, an unparseable session time, or a speaker who is
 * neither {@code speaker_a} nor {@code speaker_b} throws {@link DatasetFormatException} naming the
 * file, the sample and the field (e.g. {@code sample 'conv-1': field
 * 'conversation.session_3_date_time' is not a date like '1:56 pm on 8 May, 2023'; was 'soon'}).
 * Missing or unreadable files throw {@link java.io.UncheckedIOException} naming the path.
 *
 * <p><b>Memory:</b> samples are parsed one at a time from a stream (plain or gzipped, detected by
 * content); {@link #forEach} holds one sample, {@link #read} all of them (about 3 MB of text for
 * {@code locomo10.json}). Stateless and thread-safe.
 */
public final class LocomoReader {
  private static final Pattern SESSION_KEY = Pattern.compile("session_(\\d{1,9})");
  private static final Pattern TURN_ID = Pattern.compile("(?i)d:?0*(\\d+):0*(\\d+)");
  private static final Pattern EVIDENCE_SEPARATORS = Pattern.compile("[;,\\s]+");

  private LocomoReader() {}

  /**
   * All samples of {@code file}, in file order.
   *
   * @throws DatasetFormatException if the file is not LoCoMo JSON
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  public static List<LocomoSample> read(Path file) {
    List<LocomoSample> samples = new ArrayList<>();
    forEach(file, samples::add);
    return samples;
  }

  /**
   * Passes each sample of {@code file} to {@code sink} as soon as it is parsed, in file order. An
   * error in a later sample is thrown after the earlier ones were passed on.
   *
   * @throws DatasetFormatException if the file is not LoCoMo JSON
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  public static void forEach(Path file, Consumer<? super LocomoSample> sink) {
    JsonArrayReader.forEach(
        file,
        "LoCoMo samples",
        Integer.MAX_VALUE,
        (node, index, line) ->
            sink.accept(sample(new JsonRecord(file, line, "sample " + index, node))));
  }

  private static LocomoSample sample(JsonRecord record) {
    String sampleId = record.scalarText("sample_id");
    if (sampleId == null || sampleId.isBlank()) {
      throw record.fail("sample_id", "is missing");
    }
    JsonRecord named = record.withContext("sample '" + sampleId + "'");
    JsonRecord conversation = named.nested("conversation", named.node().get("conversation"));
    List<Session> sessions = sessions(conversation);
    List<LocomoQuestion> questions = new ArrayList<>();
    if (named.has("qa")) {
      JsonNode qa = named.array("qa");
      for (int i = 0; i < qa.size(); i++) {
        questions.add(question(named.nested("qa[" + i + "]", qa.get(i))));
      }
    }
    return new LocomoSample(sampleId, sessions, questions);
  }

  private static List<Session> sessions(JsonRecord conversation) {
    String speakerA = conversation.text("speaker_a");
    String speakerB = conversation.text("speaker_b");
    TreeMap<Integer, String> keys = new TreeMap<>();
    for (Iterator<String> names = conversation.node().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      Matcher matcher = SESSION_KEY.matcher(name);
      if (matcher.matches()) {
        keys.put(Integer.valueOf(matcher.group(1)), name);
      }
    }
    List<Session> sessions = new ArrayList<>(keys.size());
    for (String key : keys.values()) {
      Instant start = sessionStart(conversation, key + "_date_time");
      JsonNode turns = conversation.array(key);
      List<Message> messages = new ArrayList<>(turns.size());
      for (int i = 0; i < turns.size(); i++) {
        JsonRecord turn = conversation.nested(key + "[" + i + "]", turns.get(i));
        Message message = message(turn, speakerA, speakerB, start);
        if (message != null) {
          messages.add(message);
        }
      }
      if (!messages.isEmpty()) {
        sessions.add(new Session(key, start, messages));
      }
    }
    return sessions;
  }

  private static Instant sessionStart(JsonRecord conversation, String field) {
    String text = conversation.text(field);
    try {
      return LocomoDateTime.parse(text);
    } catch (DateTimeException e) {
      throw conversation.fail(
          field,
          "is not a date like '" + LocomoDateTime.EXAMPLE + "'; was '"
              + JsonRecord.clip(text) + "'",
          e);
    }
  }

  /** The turn as a message, or null if it has neither text nor caption. */
  private static Message message(JsonRecord turn, String speakerA, String speakerB, Instant time) {
    String speaker = turn.text("speaker");
    Role role;
    if (speaker.equals(speakerA)) {
      role = Role.USER;
    } else if (speaker.equals(speakerB)) {
      role = Role.ASSISTANT;
    } else {
      throw turn.fail(
          "speaker",
          "must be speaker_a '" + speakerA + "' or speaker_b '" + speakerB + "'; was '"
              + JsonRecord.clip(speaker) + "'");
    }
    String id = turn.text("dia_id");
    String text = turn.string("text").strip();
    String caption = turn.optionalString("blip_caption");
    boolean hasCaption = caption != null && !caption.isBlank();
    if (text.isEmpty() && !hasCaption) {
      return null;
    }
    StringBuilder content = new StringBuilder(speaker).append(": ").append(text);
    if (hasCaption) {
      content.append(text.isEmpty() ? "" : " ").append("[shares a photo: ");
      content.append(caption.strip()).append(']');
    }
    try {
      return new Message(id, role, content.toString(), time);
    } catch (IllegalArgumentException e) {
      throw turn.fail("text", e.getMessage(), e);
    }
  }

  private static LocomoQuestion question(JsonRecord qa) {
    String question = qa.text("question");
    List<String> evidence = new ArrayList<>();
    if (qa.has("evidence")) {
      JsonNode entries = qa.array("evidence");
      for (int i = 0; i < entries.size(); i++) {
        JsonNode entry = entries.get(i);
        if (!entry.isTextual()) {
          throw qa.fail(
              "evidence[" + i + "]", "must be a string, was " + JsonRecord.describe(entry));
        }
        evidence.add(entry.asText());
      }
    }
    return new LocomoQuestion(
        question,
        qa.scalarText("answer"),
        qa.scalarText("adversarial_answer"),
        turnIds(evidence),
        qa.integer("category"));
  }

  /**
   * Evidence entries as canonical turn ids: split on {@code ;}, {@code ,} and whitespace, {@code
   * D:11:26} and {@code D30:05} written {@code D11:26} and {@code D30:5}, tokens without a digit
   * dropped, each id once.
   */
  static List<String> turnIds(List<String> entries) {
    Set<String> ids = new LinkedHashSet<>();
    for (String entry : entries) {
      for (String token : EVIDENCE_SEPARATORS.split(entry.strip())) {
        Matcher matcher = TURN_ID.matcher(token);
        if (matcher.matches()) {
          ids.add("D" + matcher.group(1) + ":" + matcher.group(2));
        } else if (token.chars().anyMatch(Character::isDigit)) {
          ids.add(token);
        }
      }
    }
    return List.copyOf(ids);
  }
}
