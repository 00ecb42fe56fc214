package dev.engram.langchain4j;

import dev.engram.model.Require;
import dev.engram.model.SubjectRef;

/**
 * Maps a LangChain4j memory id to the Engram subject whose memory it is. A {@link SubjectRef} is
 * taken as is (and must belong to the Engram instance's tenant); any other object maps to the
 * subject named by its {@code toString()} in that tenant.
 */
final class MemoryIds {
  private MemoryIds() {}

  /**
   * The subject for {@code memoryId} inside {@code tenant}.
   *
   * @throws IllegalArgumentException if the id is null or blank, not a usable identifier, or a
   *     {@link SubjectRef} of another tenant
   */
  static SubjectRef subject(Object memoryId, String tenant) {
    if (memoryId == null) {
      throw new IllegalArgumentException("memoryId must not be null");
    }
    if (memoryId instanceof SubjectRef ref) {
      if (!ref.tenant().equals(tenant)) {
        throw new IllegalArgumentException("memoryId " + ref.subject() + " belongs to tenant '"
            + ref.tenant() + "', but this Engram serves tenant '" + tenant + "'");
      }
      return ref;
    }
    String subject = memoryId.toString();
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("memoryId must not be blank");
    }
    return new SubjectRef(tenant, Require.identifier(subject, "memoryId"));
  }
}
