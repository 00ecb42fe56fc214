/**
 * The bundled local embedder: bge-small-en-v1.5, int8-quantized, 384 dimensions, run in process.
 *
 * <p>The model and its tokenizer come inside a Maven artifact of LangChain4j, so nothing is
 * downloaded at run time. {@link dev.engram.onnx.OnnxEmbedder} runs them itself with ONNX Runtime
 * and the Hugging Face tokenizer rather than through LangChain4j's model class: ingest is bound by
 * embedding, and owning the loop lets it sort texts by length (less padding), batch them, and run
 * the batches on one thread per core, which is the fastest layout measured on small machines.
 *
 * <p>The model reads at most 512 word-pieces (about 400 English words) per text and drops the rest
 * silently. Callers must chunk longer text before embedding it, or its tail is never searchable.
 * {@link dev.engram.onnx.OnnxEmbedderFactory} makes the embedder findable by its model id,
 * {@code bge-small-en-v1.5-q}.
 */
package dev.engram.onnx;
