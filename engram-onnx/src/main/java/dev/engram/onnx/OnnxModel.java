package dev.engram.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.engram.EngramException;
import dev.engram.embed.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundled model and its tokenizer, loaded from the class path: turns one batch of texts into
 * unit vectors on the calling thread, with one ONNX intra-op thread. Thread-safe (a session and a
 * tokenizer may be shared by concurrent runs); not usable after {@link #close}.
 */
final class OnnxModel implements AutoCloseable {
  static final int DIMENSION = 384;
  private static final List<String> KNOWN_INPUTS =
      List.of("input_ids", "attention_mask", "token_type_ids");

  private final BundledModel model;
  private final HuggingFaceTokenizer tokenizer;
  private final OrtSession session;

  /** @throws EngramException if a file is missing from the class path or unreadable */
  OnnxModel(BundledModel model, int maxTokens) {
    this.model = model;
    this.tokenizer = loadTokenizer(maxTokens);
    try {
      this.session = loadSession();
    } catch (RuntimeException e) {
      tokenizer.close();
      throw e;
    }
  }

  /** One unit vector per text, in order; {@code batch} is not empty. */
  float[][] embedBatch(List<String> batch) {
    Encoding[] encodings = tokenizer.batchEncode(batch);
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      for (String name : session.getInputNames()) {
        inputs.put(name, tensor(encodings, name));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        OnnxTensor hidden = (OnnxTensor) result.get(0);
        return model.pooling() == BundledModel.Pooling.CLS
            ? clsVectors(hidden, encodings.length) : meanVectors(hidden, encodings);
      }
    } catch (OrtException e) {
      throw new EngramException("ONNX Runtime failed on a batch of " + batch.size() + " texts", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** One model input as a [rows, tokens] tensor; the tokenizer padded all rows to one length. */
  private static OnnxTensor tensor(Encoding[] encodings, String input) throws OrtException {
    int tokens = encodings[0].getIds().length;
    long[] flat = new long[encodings.length * tokens];
    for (int row = 0; row < encodings.length; row++) {
      long[] values = switch (input) {
        case "input_ids" -> encodings[row].getIds();
        case "attention_mask" -> encodings[row].getAttentionMask();
        case "token_type_ids" -> encodings[row].getTypeIds();
        default -> throw new IllegalStateException("unexpected model input " + input);
      };
      System.arraycopy(values, 0, flat, row * tokens, tokens);
    }
    long[] shape = {encodings.length, tokens};
    return OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), LongBuffer.wrap(flat), shape);
  }

  /** CLS pooling: the first token's row of the [rows, tokens, 384] hidden states, normalised. */
  private static float[][] clsVectors(OnnxTensor hidden, int rows) {
    long[] shape = hidden.getInfo().getShape();
    int rowStride = Math.toIntExact(shape[1] * shape[2]);
    FloatBuffer values = hidden.getFloatBuffer();
    float[][] out = new float[rows][DIMENSION];
    for (int row = 0; row < rows; row++) {
      values.get(row * rowStride, out[row]);
      Vectors.normalize(out[row]);
    }
    return out;
  }

  /** Mean pooling: the mean of each row's unpadded token vectors, normalised. */
  private static float[][] meanVectors(OnnxTensor hidden, Encoding[] encodings) {
    long[] shape = hidden.getInfo().getShape();
    int tokens = Math.toIntExact(shape[1]);
    FloatBuffer values = hidden.getFloatBuffer();
    float[][] out = new float[encodings.length][DIMENSION];
    float[] token = new float[DIMENSION];
    for (int row = 0; row < encodings.length; row++) {
      long[] mask = encodings[row].getAttentionMask();
      int counted = 0;
      for (int t = 0; t < tokens; t++) {
        if (mask[t] != 0) {
          values.get((row * tokens + t) * DIMENSION, token);
          for (int d = 0; d < DIMENSION; d++) {
            out[row][d] += token[d];
          }
          counted++;
        }
      }
      // The mean's scale does not survive normalising, so the sum stands in for it.
      if (counted > 0) {
        Vectors.normalize(out[row]);
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new EngramException("cannot close the ONNX session", e);
    } finally {
      tokenizer.close();
    }
  }

  private HuggingFaceTokenizer loadTokenizer(int maxTokens) {
    // Padding "true" pads each batch to its longest text, not to maxTokens.
    Map<String, String> options =
        Map.of("truncation", "true", "maxLength", String.valueOf(maxTokens), "padding", "true");
    try (InputStream in = resource(model.tokenizerResource())) {
      return HuggingFaceTokenizer.newInstance(in, options);
    } catch (IOException e) {
      throw new EngramException("cannot read the tokenizer " + model.tokenizerResource(), e);
    }
  }

  private OrtSession loadSession() {
    try (InputStream in = resource(model.modelResource());
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // Parallelism comes from the caller's threads; more ONNX threads per run fight over cores.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      byte[] model = in.readAllBytes();
      OrtSession session = OrtEnvironment.getEnvironment().createSession(model, options);
      if (!KNOWN_INPUTS.containsAll(session.getInputNames())) {
        session.close();
        throw new EngramException(
            "model inputs " + session.getInputNames() + " are not among " + KNOWN_INPUTS);
      }
      return session;
    } catch (IOException | OrtException e) {
      throw new EngramException("cannot load the ONNX model " + model.modelResource(), e);
    }
  }

  private InputStream resource(String name) {
    InputStream in = OnnxModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new EngramException("model resource " + name + " not found on the class path; add "
          + model.artifact() + " to the dependencies");
    }
    return in;
  }
}
