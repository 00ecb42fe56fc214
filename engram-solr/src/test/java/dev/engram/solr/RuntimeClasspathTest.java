package dev.engram.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.embed.HashingEmbedder;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * engram-solr's runtime class path (as Maven resolves it for the CLI and the server) holds no
 * Jetty and no Lucene, and the store works with only that on the class path: a child JVM runs
 * {@link RuntimeSmokeMain} against the test cluster.
 */
class RuntimeClasspathTest {

  @Test
  void should_work_against_a_real_cluster_with_no_jetty_or_lucene_on_the_class_path()
      throws Exception {
    // given
    String file = System.getProperty("engram.runtime.classpath.file");
    assertThat(file).as("set by the surefire configuration").isNotNull();
    List<String> runtime = Arrays.asList(Files.readString(Path.of(file), StandardCharsets.UTF_8)
        .strip().split(File.pathSeparator));
    assertThat(runtime).isNotEmpty()
        .noneMatch(jar -> jar.contains("jetty") || jar.contains("lucene"));
    SolrStoreConfig config = SolrTestClusterAccess.collection("smoke",
        new HashingEmbedder(64).info());
    List<String> classPath = new ArrayList<>(runtime);
    classPath.add(Path.of("target", "classes").toAbsolutePath().toString());
    classPath.add(Path.of("target", "test-classes").toAbsolutePath().toString());
    Path output = Files.createTempFile("smoke", ".txt");

    // when
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-cp", String.join(File.pathSeparator, classPath),
        RuntimeSmokeMain.class.getName(), config.zkHost(), config.collection())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    boolean exited = process.waitFor(120, TimeUnit.SECONDS);

    // then
    String printed = Files.readString(output);
    assertThat(exited).as(printed).isTrue();
    assertThat(process.exitValue()).as(printed).isZero();
    assertThat(printed).contains("smoke text=1 vector=1 forgotten=1 jetty=false lucene=false");
  }
}
