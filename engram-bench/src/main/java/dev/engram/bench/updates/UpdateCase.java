package dev.engram.bench.updates;

import dev.engram.model.Session;
import java.time.Instant;
import java.util.List;

/**
 * One generated subject: an attribute stated and then changed, among filler sessions, then asked.
 *
 * @param subject the subject id
 * @param question the question asked at the end ("What is my gym locker code?")
 * @param values the values in the order they were stated; the last is current
 * @param sessions every session, in time order
 * @param secret a value stated once in its own session ({@code secretSession}), to be forgotten
 *     and probed for
 * @param secretQuestion the probe question
 * @param secretSession the session that holds the secret
 * @param askedAt when the questions are asked
 */
record UpdateCase(String subject, String question, List<String> values, List<Session> sessions,
    String secret, String secretQuestion, String secretSession, Instant askedAt) {

  String current() {
    return values.get(values.size() - 1);
  }

  List<String> outdated() {
    return values.subList(0, values.size() - 1);
  }
}
