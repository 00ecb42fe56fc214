/**
 * Readers turn a question and a packed {@link dev.engram.read.Context} into an
 * {@link dev.engram.reader.Answer} with {@link dev.engram.reader.Citation citations}, or abstain.
 * {@link dev.engram.reader.ExtractiveReader} is the offline default: it quotes the sentences that
 * best cover the question's words (idf-weighted), so every answer is verbatim memory.
 */
package dev.engram.reader;
