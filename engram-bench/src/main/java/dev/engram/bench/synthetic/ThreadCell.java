package dev.engram.bench.synthetic;

/**
 * One thread followed one way.
 *
 * @param round the haystack it lived in
 * @param threadId the thread's id
 * @param links links in the thread
 * @param layout {@code forward} when its links appear in thread order through the haystack,
 *     {@code backward} when in reverse order
 * @param direction {@code forward} (from the first key) or {@code backward} (from the last)
 * @param linksFound links found in order before the walk went wrong or stopped
 * @param allFound whether every link was found (the end of the thread reached)
 * @param hops recalls made
 * @param miss for a walk that stopped short, where the missing link's sentence stood when its hop
 *     was asked again; null when every link was found
 * @param millis wall time of the walk
 */
record ThreadCell(int round, String threadId, int links, String layout, String direction,
    int linksFound, boolean allFound, int hops, Sighting miss, double millis) {}
