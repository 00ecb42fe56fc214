package dev.engram.spring.ai;

import dev.engram.Engram;
import dev.engram.model.Message;
import dev.engram.model.Require;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import dev.engram.read.RecallRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A Spring AI {@code ChatClient} advisor that gives the conversation long-term memory: before the
 * call it recalls, for the user's message, what Engram holds about the conversation's subject
 * (under a token budget) and adds the packed context to the system message; after the call it
 * remembers the exchange (the user message and the answer) as one round. Streaming works the same
 * way: the streamed answer is aggregated and remembered when the stream completes, before the
 * completion reaches the caller. Recall uses the user message's first 10,000 characters.
 *
 * <p><b>Whose memory.</b> The advisor parameter {@value #SUBJECT} if given, else the conversation
 * id ({@link ChatMemory#CONVERSATION_ID}, the parameter Spring AI's own memory advisors read),
 * else the default subject ({@value ChatMemory#DEFAULT_CONVERSATION_ID} unless configured). A value
 * may be a {@code SubjectRef}; one of another tenant, or a null or blank value, is refused with an
 * {@link IllegalArgumentException} naming the parameter, before any call or write.
 *
 * <p><b>Which session.</b> The advisor parameter {@value #SESSION} if given, else one session per
 * UTC day ({@code chat-YYYY-MM-DD}).
 *
 * <p>Recall and remember block (local index and embedder); on streams they run on a bounded
 * elastic scheduler. Thread-safe; the caller owns and closes the {@link Engram}.
 */
public final class EngramMemoryAdvisor implements CallAdvisor, StreamAdvisor {
  /** Advisor parameter naming the subject whose memory is used; wins over the conversation id. */
  public static final String SUBJECT = "engram_subject";
  /** Advisor parameter naming the Engram session the exchange is remembered in. */
  public static final String SESSION = "engram_session";

  private final Engram engram;
  private final int budget;
  private final int order;
  private final Clock clock;
  private final Scheduler scheduler;
  private final ConversationSubjects subjects;

  private EngramMemoryAdvisor(Builder builder) {
    this.engram = Require.nonNull(builder.engram, "engram");
    this.budget = builder.budget;
    this.order = builder.order;
    this.clock = builder.clock;
    this.scheduler = builder.scheduler;
    this.subjects = new ConversationSubjects(
        engram.tenant(), builder.conversationParam, builder.defaultSubject);
  }

  /** A builder for an advisor over {@code engram}; its setters list every default. */
  public static Builder builder(Engram engram) {
    return new Builder(engram);
  }

  @Override
  public String getName() {
    return "EngramMemoryAdvisor";
  }

  @Override
  public int getOrder() {
    return order;
  }

  @Override
  public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
    Exchange exchange = recall(request);
    ChatClientResponse response = chain.nextCall(exchange.request());
    remember(exchange, textOf(response.chatResponse()));
    return response;
  }

  @Override
  public Flux<ChatClientResponse> adviseStream(
      ChatClientRequest request, StreamAdvisorChain chain) {
    return Mono.fromCallable(() -> recall(request)).subscribeOn(scheduler)
        .flatMapMany(exchange -> Flux.defer(() -> {
          StringBuilder answer = new StringBuilder();
          return chain.nextStream(exchange.request())
              .doOnNext(chunk -> answer.append(textOf(chunk.chatResponse())))
              .concatWith(Mono.<ChatClientResponse>fromRunnable(
                  () -> remember(exchange, answer.toString())).subscribeOn(scheduler));
        }));
  }

  /** What the advisor recalled for one request, and the request with that memory added. */
  private record Exchange(SubjectRef subject, String session, String question,
      ChatClientRequest request) {}

  private Exchange recall(ChatClientRequest request) {
    SubjectRef subject = subjects.of(request.context());
    String session = sessionOf(request);
    String question = request.prompt().getUserMessage().getText();
    if (question == null || question.isBlank()) {
      return new Exchange(subject, session, "", request);
    }
    Context context = engram.recall(subject.subject(),
        RecallRequest.of(truncate(question)).withBudget(budget));
    if (context.items().isEmpty()) {
      return new Exchange(subject, session, question, request);
    }
    ChatClientRequest augmented = request.mutate()
        .prompt(request.prompt().augmentSystemMessage(system -> withMemory(system, context)))
        .build();
    return new Exchange(subject, session, question, augmented);
  }

  private void remember(Exchange exchange, String answer) {
    List<Message> turns = new ArrayList<>(2);
    if (!exchange.question().isBlank()) {
      turns.add(Message.user(exchange.question()));
    }
    if (!turns.isEmpty() && answer != null && !answer.isBlank()) {
      turns.add(Message.assistant(answer));
    }
    if (!turns.isEmpty()) {
      engram.remember(exchange.subject().subject(), new Session(exchange.session(), null, turns));
    }
  }

  private String sessionOf(ChatClientRequest request) {
    Object session = request.context().get(SESSION);
    if (session != null) {
      return Require.identifier(session.toString(), "advisor parameter " + SESSION);
    }
    return "chat-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static SystemMessage withMemory(SystemMessage system, Context context) {
    String instructions = system.getText() == null ? "" : system.getText().strip();
    String memory = "Long-term memory of earlier conversations with this user (each excerpt is"
        + " headed by its date and session); use it when it helps:\n<memory>\n" + context.text()
        + "\n</memory>";
    return new SystemMessage(instructions.isEmpty() ? memory : instructions + "\n\n" + memory);
  }

  private static String truncate(String question) {
    return question.length() <= 10_000 ? question : question.substring(0, 10_000);
  }

  private static String textOf(ChatResponse response) {
    if (response == null) {
      return "";
    }
    Generation result = response.getResult();
    if (result == null || result.getOutput() == null || result.getOutput().getText() == null) {
      return "";
    }
    return result.getOutput().getText();
  }

  /** Configures an {@link EngramMemoryAdvisor}. Not thread-safe. */
  public static final class Builder {
    private final Engram engram;
    private int budget = RecallRequest.DEFAULT_BUDGET;
    private int order = Advisor.DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER;
    private String conversationParam = ChatMemory.CONVERSATION_ID;
    private String defaultSubject = ChatMemory.DEFAULT_CONVERSATION_ID;
    private Clock clock = Clock.systemUTC();
    private Scheduler scheduler = Schedulers.boundedElastic();

    private Builder(Engram engram) {
      this.engram = Require.nonNull(engram, "engram");
    }

    /** Token budget of each recall, in [50, 1,000,000]; default 3,500. */
    public Builder budget(int tokens) {
      this.budget = Require.inRange(tokens, 50, 1_000_000, "budget");
      return this;
    }

    /** Advisor order; default {@link Advisor#DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER}. */
    public Builder order(int value) {
      this.order = value;
      return this;
    }

    /** The advisor parameter read as the subject; default {@link ChatMemory#CONVERSATION_ID}. */
    public Builder conversationParam(String name) {
      this.conversationParam = Require.nonBlank(name, "conversationParam");
      return this;
    }

    /** The subject used when a request names none; default {@code "default"}. */
    public Builder defaultSubject(String subject) {
      this.defaultSubject = Require.identifier(subject, "defaultSubject");
      return this;
    }

    /** The clock that dates the default sessions; default the UTC system clock. */
    public Builder clock(Clock value) {
      this.clock = Require.nonNull(value, "clock");
      return this;
    }

    /** Where streams run recall and remember; default {@link Schedulers#boundedElastic()}. */
    public Builder scheduler(Scheduler value) {
      this.scheduler = Require.nonNull(value, "scheduler");
      return this;
    }

    /** The advisor. */
    public EngramMemoryAdvisor build() {
      return new EngramMemoryAdvisor(this);
    }
  }
}
