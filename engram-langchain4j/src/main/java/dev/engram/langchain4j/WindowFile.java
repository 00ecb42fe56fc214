package dev.engram.langchain4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.EngramException;
import dev.engram.model.SubjectRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The exact chat window of each subject, one small JSON file per subject in a directory: every
 * message as LangChain4j's {@code ChatMessageSerializer} wrote it (so tool calls, tool results
 * and system messages round-trip exactly), with the id of the Engram item that holds it in
 * long-term memory. Files are named by a hash of tenant and subject (no path tricks) and replaced
 * atomically, so a crash leaves the old window or the new one, never half of one.
 *
 * <p>Not thread-safe; {@link EngramChatMemoryStore} serialises access.
 */
final class WindowFile {
  /** Version of the file layout, written into every file. */
  static final int FORMAT = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  WindowFile(Path dir) {
    this.dir = dir;
  }

  /** The subject's window; empty when it has none. */
  Window read(SubjectRef subject) {
    Path file = fileOf(subject);
    if (!Files.exists(file)) {
      return Window.EMPTY;
    }
    try {
      Stored stored = JSON.readValue(file.toFile(), Stored.class);
      if (stored.format() != FORMAT || !subject.tenant().equals(stored.tenant())
          || !subject.subject().equals(stored.subject())) {
        throw new EngramException("chat window file " + file + " is format " + stored.format()
            + " of " + stored.tenant() + "/" + stored.subject() + ", expected format " + FORMAT
            + " of " + subject.tenant() + "/" + subject.subject());
      }
      return new Window(stored.shown(), stored.unremembered());
    } catch (IOException e) {
      throw new EngramException("cannot read chat window file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the subject's window atomically and durably; an empty window deletes the file. */
  void write(SubjectRef subject, Window window) {
    if (window.isEmpty()) {
      delete(subject);
      return;
    }
    Path file = fileOf(subject);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(dir);
      byte[] bytes = JSON.writeValueAsBytes(new Stored(FORMAT, subject.tenant(),
          subject.subject(), window.shown(), window.unremembered()));
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(bytes));
        channel.force(true);
      }
      move(temp, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chat window file " + file, e);
    }
  }

  /** Deletes the subject's window file, if any. */
  void delete(SubjectRef subject) {
    try {
      Files.deleteIfExists(fileOf(subject));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete chat window of " + subject.subject(), e);
    }
  }

  /** The file that holds the subject's window (it may not exist). */
  Path fileOf(SubjectRef subject) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest((subject.tenant() + '\n' + subject.subject())
          .getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * One message of a window.
   *
   * @param message the message as {@code ChatMessageSerializer.messageToJson} wrote it
   * @param item the id of the Engram item that holds it, or null when it is not in long-term memory
   *     (a system message, or a turn whose round has not ended yet)
   * @param pending whether it waits for its round to end before it is remembered
   */
  record Entry(String message, String item, boolean pending) {}

  /**
   * A subject's window.
   *
   * @param shown the messages the chat memory sees, in order
   * @param unremembered messages evicted from the window before their round ended; remembered with
   *     it, never shown again
   */
  record Window(List<Entry> shown, List<Entry> unremembered) {
    static final Window EMPTY = new Window(List.of(), List.of());

    Window {
      shown = List.copyOf(shown == null ? List.of() : shown);
      unremembered = List.copyOf(unremembered == null ? List.of() : unremembered);
    }

    boolean isEmpty() {
      return shown.isEmpty() && unremembered.isEmpty();
    }
  }

  /** The file layout. */
  record Stored(int format, String tenant, String subject, List<Entry> shown,
      List<Entry> unremembered) {}
}
