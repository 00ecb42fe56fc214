/**
 * Plain-text analysis that core needs without Lucene: {@link dev.engram.text.Terms} (words,
 * stopwords, a light stemmer) for the in-memory index, near-duplicate checks and the extractive
 * reader, and {@link dev.engram.text.SentenceSplitter} for page boundaries and sentence scoring.
 */
package dev.engram.text;
