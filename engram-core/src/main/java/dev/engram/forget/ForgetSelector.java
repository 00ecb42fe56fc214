package dev.engram.forget;

import dev.engram.model.Require;
import dev.engram.store.TimeRange;
import java.util.List;

/**
 * What to forget: item ids, one session, the whole subject, or the episodes in a time range
 * and/or matching a query (every analysed word of the query must occur in the item's text).
 *
 * @param ids item ids; empty unless forgetting by id
 * @param session a session id; null unless forgetting a session
 * @param all the whole subject
 * @param range a time range; {@link TimeRange#ALL} when not forgetting by time
 * @param matching a query; null when not forgetting by query
 */
public record ForgetSelector(
    List<String> ids, String session, boolean all, TimeRange range, String matching) {

  public ForgetSelector {
    ids = List.copyOf(Require.nonNull(ids, "ids"));
    Require.nonNull(range, "range");
    int targets = (ids.isEmpty() ? 0 : 1) + (session == null ? 0 : 1) + (all ? 1 : 0)
        + (range.isAll() && matching == null ? 0 : 1);
    if (targets != 1) {
      throw new IllegalArgumentException("forget needs exactly one target: ids, a session, all, "
          + "or a time range and/or a query; got " + targets);
    }
    if (matching != null) {
      Require.nonBlank(matching, "matching");
    }
  }

  public static ForgetSelector ids(List<String> ids) {
    return new ForgetSelector(ids, null, false, TimeRange.ALL, null);
  }

  public static ForgetSelector session(String session) {
    return new ForgetSelector(List.of(), Require.identifier(session, "session"), false,
        TimeRange.ALL, null);
  }

  public static ForgetSelector subject() {
    return new ForgetSelector(List.of(), null, true, TimeRange.ALL, null);
  }

  /** Episodes in {@code range} (ALL for any time) that match {@code query} (null for any). */
  public static ForgetSelector where(TimeRange range, String query) {
    return new ForgetSelector(List.of(), null, false, range, query);
  }

  /** A short description for messages and the audit log (never the forgotten text). */
  public String describe() {
    if (!ids.isEmpty()) {
      return ids.size() + " id(s)";
    }
    if (session != null) {
      return "session '" + session + "'";
    }
    if (all) {
      return "the whole subject";
    }
    return (range.isAll() ? "" : "time " + (range.from() == null ? "-inf" : range.from()) + " .. "
        + (range.to() == null ? "+inf" : range.to())) + (matching == null ? ""
        : (range.isAll() ? "" : ", ") + "items matching a query");
  }
}
