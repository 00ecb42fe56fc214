/**
 * Command-line pieces shared by the commands that talk to a model: the {@code --llm-*} endpoint
 * options, one definition for {@code engram ask}, {@code engram chat} and {@code engram bench}.
 */
package dev.engram.openai.cli;
