/**
 * Facts with time: what a subject states about themselves ("my X is Y", "I moved to ..."),
 * extracted from episodes, kept with when they became true and which episode said so. A newer
 * fact on the same attribute supersedes the older one; both are kept.
 */
package dev.engram.fact;
