/**
 * The bundled local embedders: bge-small-en-v1.5 (the default), e5-small-v2, and both joined, all
 * int8-quantized and run in process.
 *
 * <p>The models and their tokenizers come inside Maven artifacts of LangChain4j, so nothing is
 * downloaded at run time. {@link dev.engram.onnx.OnnxEmbedder} runs them itself with ONNX Runtime
 * and the Hugging Face tokenizer rather than through LangChain4j's model classes: ingest is bound
 * by embedding, and owning the loop lets it sort texts by length (less padding), batch them, and
 * run the batches on one thread per core, which is the fastest layout measured on small machines.
 * {@link dev.engram.onnx.BundledModel} says how each model is run (pooling, prefixes).
 *
 * <p>The models read at most 512 word-pieces (about 400 English words) per text and drop the rest
 * silently. Callers must chunk longer text before embedding it, or its tail is never searchable.
 * The factories make the embedders findable by model id: {@code bge-small-en-v1.5-q},
 * {@code e5-small-v2-q} and {@code bge-small-en-v1.5-q+e5-small-v2-q} (384, 384 and 768
 * dimensions). The joint one finds more evidence on LoCoMo and embeds at half the rate.
 */
package dev.engram.onnx;
