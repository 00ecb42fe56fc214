package dev.engram.solr;

import java.util.concurrent.TimeUnit;

/**
 * Manual tool (not a test): starts the 2-node test SolrCloud, prints its ZooKeeper address and
 * keeps it up for the given number of seconds (default 300), so the CLI can be tried against it
 * with {@code --store solr --zk-host <printed address>}.
 */
public final class SolrDevCluster {
  private SolrDevCluster() {}

  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 300;
    System.out.println("zkHost=" + SolrTestCluster.zkHost());
    System.out.flush();
    TimeUnit.SECONDS.sleep(seconds);
    System.exit(0);
  }
}
