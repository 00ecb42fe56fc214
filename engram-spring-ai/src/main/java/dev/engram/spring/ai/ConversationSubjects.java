package dev.engram.spring.ai;

import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import java.util.Map;

/**
 * Finds whose memory a chat request touches: the advisor parameter {@value
 * EngramMemoryAdvisor#SUBJECT} if present, else the conversation id parameter, else the advisor's
 * default subject. A value may be a {@link SubjectRef} (of the Engram instance's tenant) or any
 * object whose {@code toString()} names the subject.
 */
final class ConversationSubjects {
  private final String tenant;
  private final String conversationParam;
  private final String defaultSubject;

  ConversationSubjects(String tenant, String conversationParam, String defaultSubject) {
    this.tenant = tenant;
    this.conversationParam = conversationParam;
    this.defaultSubject = defaultSubject;
  }

  /**
   * The subject for a request's advisor context.
   *
   * @throws IllegalArgumentException if a present parameter is null, blank, not an identifier or a
   *     {@link SubjectRef} of another tenant
   */
  SubjectRef of(Map<String, Object> context) {
    if (context.containsKey(EngramMemoryAdvisor.SUBJECT)) {
      return subject(context.get(EngramMemoryAdvisor.SUBJECT), EngramMemoryAdvisor.SUBJECT);
    }
    if (context.containsKey(conversationParam)) {
      return subject(context.get(conversationParam), conversationParam);
    }
    return new SubjectRef(tenant, defaultSubject);
  }

  private SubjectRef subject(Object value, String param) {
    if (value == null) {
      throw new IllegalArgumentException("advisor parameter " + param + " must not be null");
    }
    if (value instanceof SubjectRef ref) {
      if (!ref.tenant().equals(tenant)) {
        throw new IllegalArgumentException("advisor parameter " + param + " names subject "
            + ref.subject() + " of tenant '" + ref.tenant() + "', but this Engram serves tenant '"
            + tenant + "'");
      }
      return ref;
    }
    String subject = value.toString();
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("advisor parameter " + param + " must not be blank");
    }
    return new SubjectRef(tenant, Require.identifier(subject, "advisor parameter " + param));
  }
}
