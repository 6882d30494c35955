package io.netflixlakehouse.benchmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netflixlakehouse.benchmark.generator.KaggleCsvDialect;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

  private static final String SOURCE = "../data/kaggle/netflix_titles.csv";

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new GenerateCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void shouldWriteTheRequestedRowsAndReportRowsBytesAndSeconds() throws Exception {
    Path file = dir.resolve("nested/titles.csv");

    int exit = run("--rows", "500", "--seed", "7", "--out", file.toString(), "--source", SOURCE);

    assertThat(exit).isZero();
    assertThat(out.toString()).containsPattern(
        "^rows=500 bytes=" + Files.size(file) + " seconds=\\d+\\.\\d{3} out=");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = KaggleCsvDialect.readFormat().parse(reader)) {
      assertThat(parser.getHeaderNames()).isEqualTo(KaggleCsvDialect.HEADER);
      assertThat(parser.getRecords()).hasSize(500);
    }
  }

  @Test
  void shouldWriteIdenticalFilesForTheSameSeed() throws Exception {
    Path first = dir.resolve("a.csv");
    Path second = dir.resolve("b.csv");

    run("--rows", "300", "--seed", "3", "--out", first.toString(), "--source", SOURCE, "--fault-share", "10");
    run("--rows", "300", "--seed", "3", "--out", second.toString(), "--source", SOURCE, "--fault-share", "10");

    assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
  }

  @Test
  void shouldStartTheShowIdsAtTheFirstShowId() throws Exception {
    Path file = dir.resolve("new-titles.csv");

    int exit = run("--rows", "3", "--out", file.toString(), "--source", SOURCE, "--first-show-id", "8808");

    assertThat(exit).isZero();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = KaggleCsvDialect.readFormat().parse(reader)) {
      assertThat(parser.getRecords()).extracting(r -> r.get("show_id")).containsExactly("s8808", "s8809", "s8810");
    }
  }

  @Test
  void shouldStopWithTheReasonWhenTheSourceIsMissing() {
    int exit = run("--rows", "10", "--out", dir.resolve("x.csv").toString(), "--source", "no/such/file.csv");

    assertThat(exit).isEqualTo(GenerateCommand.EXIT_GENERATOR_FAILURE);
    assertThat(err.toString()).contains("[SOURCE_UNREADABLE]");
  }

  @Test
  void shouldStopWithTheReasonWhenRowsAreNegative() {
    int exit = run("--rows", "-1", "--out", dir.resolve("x.csv").toString(), "--source", SOURCE);

    assertThat(exit).isEqualTo(GenerateCommand.EXIT_GENERATOR_FAILURE);
    assertThat(err.toString()).contains("[INVALID_SETTING]");
  }
}
