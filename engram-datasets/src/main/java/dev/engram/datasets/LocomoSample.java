package dev.engram.datasets;

import dev.engram.model.Require;
import dev.engram.model.Session;
import java.util.List;

/**
 * One LoCoMo conversation: its sessions in order and the questions asked about it.
 *
 * @param sampleId the sample's id, e.g. {@code conv-1}
 * @param sessions the sessions {@code session_1}, {@code session_2}, ... in number order; message
 *     ids are the turn ids ({@code D3:7}), so a question's evidence maps to messages
 * @param questions the questions in file order
 */
public record LocomoSample(
    String sampleId, List<Session> sessions, List<LocomoQuestion> questions) {
  public LocomoSample {
    Require.nonBlank(sampleId, "sampleId");
    sessions = List.copyOf(Require.nonNull(sessions, "sessions"));
    questions = List.copyOf(Require.nonNull(questions, "questions"));
  }
}
