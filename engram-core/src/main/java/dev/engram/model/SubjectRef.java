package dev.engram.model;

/**
 * Whose memory: a subject (a user, an agent) inside a tenant. All recall is scoped to one subject,
 * and nothing crosses a tenant.
 *
 * @param tenant the isolation boundary, e.g. {@code "default"}
 * @param subject whose memory it is, e.g. {@code "alice"}
 */
public record SubjectRef(String tenant, String subject) {
  /** The tenant used when none is configured. */
  public static final String DEFAULT_TENANT = "default";

  public SubjectRef {
    Require.identifier(tenant, "tenant");
    Require.identifier(subject, "subject");
  }

  /** A subject of the default tenant. */
  public static SubjectRef of(String subject) {
    return new SubjectRef(DEFAULT_TENANT, subject);
  }
}
