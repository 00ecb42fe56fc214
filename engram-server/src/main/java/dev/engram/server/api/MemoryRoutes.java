package dev.engram.server.api;

import dev.engram.Engram;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import dev.engram.server.api.Responses.Answered;
import dev.engram.server.api.Responses.History;
import dev.engram.server.api.Responses.Items;
import dev.engram.server.api.Responses.Item;
import dev.engram.server.api.Responses.Recalled;
import dev.engram.server.api.Responses.Remembered;
import dev.engram.server.api.Responses.SessionSummary;
import dev.engram.server.api.Responses.Sessions;
import dev.engram.server.api.Responses.SubjectCounts;
import dev.engram.server.ops.InFlightWrites;
import dev.engram.server.ops.Metrics;
import dev.engram.store.AuditEvent;
import dev.engram.store.SubjectStats;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The REST routes over one tenant's memory ({@code /v1/subjects/...}, {@code /v1/stats}). Each
 * handler takes its {@link Engram} from {@link TenantScope}; a subject with no memory in the
 * caller's tenant is a 404, the same answer whether or not another tenant has that subject.
 */
public final class MemoryRoutes {
  private static final int PAGE = 1000;
  private final JsonBodies bodies;
  private final InFlightWrites writes;
  private final Metrics metrics;
  private final int budget;

  public MemoryRoutes(JsonBodies bodies, InFlightWrites writes, Metrics metrics, int budget) {
    this.bodies = bodies;
    this.writes = writes;
    this.metrics = metrics;
    this.budget = budget;
  }

  /** Adds the routes. */
  public void register(RoutesConfig routes) {
    routes.get("/v1/subjects", ctx -> JsonBodies.send(ctx, 200,
        new Responses.Subjects(memory(ctx).subjects())));
    routes.get("/v1/stats", ctx -> JsonBodies.send(ctx, 200, tenantStats(memory(ctx))));
    routes.post("/v1/subjects/{subject}/messages", ctx -> {
      String subject = subject(ctx);
      var body = bodies.read(ctx, Requests.RememberMessages.class);
      var session = body.toSession();
      JsonBodies.send(ctx, 201, Remembered.of(
          writes.run(() -> memory(ctx).remember(subject, session))));
    });
    routes.post("/v1/subjects/{subject}/documents", ctx -> {
      String subject = subject(ctx);
      var document = bodies.read(ctx, Requests.RememberDocument.class).toDocument();
      JsonBodies.send(ctx, 201, Remembered.of(
          writes.run(() -> memory(ctx).remember(subject, document))));
    });
    routes.post("/v1/subjects/{subject}/search", ctx -> {
      var request = bodies.read(ctx, Requests.Search.class).toRequest(budget);
      String subject = existing(ctx);
      Context context = timed(() -> memory(ctx).recall(subject, request));
      JsonBodies.send(ctx, 200, Recalled.of(context));
    });
    routes.post("/v1/subjects/{subject}/ask", ctx -> {
      var request = bodies.read(ctx, Requests.Ask.class).toRequest(budget);
      String subject = existing(ctx);
      JsonBodies.send(ctx, 200, Answered.of(timed(() -> memory(ctx).ask(subject, request))));
    });
    routes.get("/v1/subjects/{subject}/items", ctx -> items(ctx));
    routes.get("/v1/subjects/{subject}/history", ctx -> history(ctx));
    routes.get("/v1/subjects/{subject}/sessions", ctx -> {
      String subject = existing(ctx);
      JsonBodies.send(ctx, 200, new Sessions(subject, sessions(memory(ctx), subject)));
    });
    routes.get("/v1/subjects/{subject}/stats", ctx -> {
      String subject = existing(ctx);
      SubjectStats stats = memory(ctx).stats(subject);
      JsonBodies.send(ctx, 200, new SubjectCounts(subject, stats.items(), stats.tokens()));
    });
    routes.get("/v1/subjects/{subject}/items/{id}", ctx -> {
      String subject = subject(ctx);
      String id = identifier(ctx.pathParam("id"), "id");
      Engram memory = memory(ctx);
      MemoryItem item = memory.store().get(new SubjectRef(memory.tenant(), subject), id)
          .orElseThrow(() -> ApiError.notFound("item"));
      JsonBodies.send(ctx, 200, Item.of(item));
    });
    routes.delete("/v1/subjects/{subject}/items/{id}", ctx -> {
      String subject = subject(ctx);
      String id = identifier(ctx.pathParam("id"), "id");
      int deleted = writes.run(() -> memory(ctx).forgetItems(subject, Set.of(id)));
      if (deleted == 0) {
        throw ApiError.notFound("item");
      }
      JsonBodies.send(ctx, 200, new Responses.Forgotten(deleted));
    });
    routes.delete("/v1/subjects/{subject}/sessions/{session}", ctx -> {
      String subject = subject(ctx);
      String session = identifier(ctx.pathParam("session"), "session");
      int deleted = writes.run(() -> memory(ctx).forgetSession(subject, session));
      if (deleted == 0) {
        throw ApiError.notFound("session");
      }
      JsonBodies.send(ctx, 200, new Responses.Forgotten(deleted));
    });
    routes.delete("/v1/subjects/{subject}", ctx -> {
      String subject = existing(ctx);
      JsonBodies.send(ctx, 200, new Responses.Forgotten(
          writes.run(() -> memory(ctx).forgetSubject(subject))));
    });
  }

  private void items(io.javalin.http.Context ctx) {
    long from = longParam(ctx, "from", 0, 0, Long.MAX_VALUE);
    int limit = (int) longParam(ctx, "limit", 100, 1, PAGE);
    String subject = existing(ctx);
    Engram memory = memory(ctx);
    List<MemoryItem> items = memory.store().timeline(
        new SubjectRef(memory.tenant(), subject), from, limit + 1);
    Long next = null;
    if (items.size() > limit) {
      // derived items (summaries) share their episode's subjectSeq: end the page on a seq boundary
      long cut = items.get(limit).subjectSeq();
      List<MemoryItem> page = items.subList(0, limit).stream()
          .filter(item -> item.subjectSeq() < cut).toList();
      items = page.isEmpty() ? items.subList(0, limit) : page;
      next = page.isEmpty() ? cut + 1 : cut;
    }
    JsonBodies.send(ctx, 200, new Items(subject, items.stream().map(Item::of).toList(), next));
  }

  /** The audit log; it outlives forgetting, so a subject with events but no items has one. */
  private void history(io.javalin.http.Context ctx) {
    long from = longParam(ctx, "from", 1, 0, Long.MAX_VALUE);
    int limit = (int) longParam(ctx, "limit", 100, 1, PAGE);
    String subject = subject(ctx);
    Engram memory = memory(ctx);
    List<AuditEvent> events = memory.store().audit(
        new SubjectRef(memory.tenant(), subject), from, limit);
    if (events.isEmpty() && memory.stats(subject).items() == 0) {
      throw ApiError.notFound("subject");
    }
    Long next = events.size() < limit ? null : events.get(events.size() - 1).version() + 1;
    JsonBodies.send(ctx, 200, new History(subject,
        events.stream().map(Responses.Event::of).toList(), next));
  }

  private static List<SessionSummary> sessions(Engram memory, String subject) {
    SubjectRef owner = new SubjectRef(memory.tenant(), subject);
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, String[]> times = new LinkedHashMap<>();
    long from = 0;
    while (true) {
      List<MemoryItem> page = memory.store().timeline(owner, from, PAGE);
      for (MemoryItem item : page) {
        if (item.kind() != ItemKind.EPISODE) {
          continue; // summaries and facts are derived, not sessions of their own
        }
        counts.computeIfAbsent(item.session(), s -> new long[1])[0]++;
        String[] span = times.computeIfAbsent(item.session(),
            s -> new String[] {item.eventTime().toString(), item.eventTime().toString()});
        span[1] = item.eventTime().toString();
      }
      if (page.size() < PAGE) {
        break;
      }
      from = page.get(page.size() - 1).subjectSeq() + 1;
    }
    List<SessionSummary> out = new ArrayList<>();
    counts.forEach((id, n) -> out.add(
        new SessionSummary(id, n[0], times.get(id)[0], times.get(id)[1])));
    return out;
  }

  private static Responses.TenantStats tenantStats(Engram memory) {
    List<String> subjects = memory.subjects();
    long items = 0;
    long tokens = 0;
    for (String subject : subjects) {
      SubjectStats stats = memory.stats(subject);
      items += stats.items();
      tokens += stats.tokens();
    }
    return new Responses.TenantStats(memory.tenant(), subjects.size(), items, tokens,
        memory.embedderInfo().modelId(), memory.embedderInfo().dimension());
  }

  private <T> T timed(Supplier<T> recall) {
    long start = System.nanoTime();
    try {
      return recall.get();
    } finally {
      metrics.recall((System.nanoTime() - start) / 1e9);
    }
  }

  private static Engram memory(io.javalin.http.Context ctx) {
    return TenantScope.of(ctx).memory();
  }

  private static String subject(io.javalin.http.Context ctx) {
    return identifier(ctx.pathParam("subject"), "subject");
  }

  /** The subject, which must have memory in the caller's tenant; else 404. */
  private static String existing(io.javalin.http.Context ctx) {
    String subject = subject(ctx);
    if (memory(ctx).stats(subject).items() == 0) {
      throw ApiError.notFound("subject");
    }
    return subject;
  }

  private static String identifier(String value, String name) {
    try {
      return Require.identifier(value, name);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_argument", e.getMessage());
    }
  }

  private static long longParam(
      io.javalin.http.Context ctx, String name, long fallback, long min, long max) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text);
      if (value < min || value > max) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid_argument",
          name + " must be an integer in [" + min + ", " + max + "], was '" + text + "'");
    }
  }
}
