package io.netflixlakehouse.benchmark.cli;

import io.netflixlakehouse.benchmark.generator.GeneratorException;
import io.netflixlakehouse.benchmark.generator.GeneratorSettings;
import io.netflixlakehouse.benchmark.generator.SourceProfile;
import io.netflixlakehouse.benchmark.generator.TitlesCsvGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a Netflix-shaped titles CSV of any size, learned from the shipped Kaggle file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generates a deterministic Netflix-shaped titles CSV in the Kaggle file's header and dialect.")
public final class GenerateCommand implements Callable<Integer> {

  /** Exit code when a generator policy stopped the run; the message names the reason. */
  static final int EXIT_GENERATOR_FAILURE = 2;
  private static final int OUTPUT_BUFFER_CHARS = 1 << 20;

  @Spec
  private CommandSpec spec;

  @Option(names = "--rows", required = true, description = "Number of records to write (after the header).")
  private long rows;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed and rows give the same bytes.")
  private long seed;

  @Option(names = "--out", required = true, description = "Output CSV file (parent folders are created).")
  private Path out;

  @Option(names = "--source", defaultValue = "data/kaggle/netflix_titles.csv",
      description = "The real Kaggle file to learn the distributions from (default: ${DEFAULT-VALUE}).")
  private Path source;

  @Option(names = "--fault-share", defaultValue = "1.0",
      description = "Multiplier of the source file's fault rates (0 = clean, 1 = real rates).")
  private double faultShare;

  @Option(names = "--multiline-share",
      description = "Share of descriptions holding a newline (default: the source file's share of multi-line records).")
  private Double multilineShare;

  @Option(names = "--first-show-id", defaultValue = "1",
      description = "Number of the first show_id (default ${DEFAULT-VALUE}: s1, s2, ...); a file of new titles for a"
          + " catalogue already loaded starts after its last id.")
  private long firstShowId;

  public static void main(String[] args) {
    System.exit(new CommandLine(new GenerateCommand()).execute(args));
  }

  @Override
  public Integer call() {
    long start = System.nanoTime();
    try {
      SourceProfile profile = SourceProfile.learn(source);
      GeneratorSettings realistic = GeneratorSettings.realistic(profile, rows, seed, faultShare);
      GeneratorSettings settings = (multilineShare == null ? realistic
          : new GeneratorSettings(rows, seed, realistic.faults(), multilineShare)).startingAt(firstShowId);
      Written written = write(profile, settings);
      double seconds = (System.nanoTime() - start) / 1e9;
      spec.commandLine().getOut().printf(Locale.ROOT, "rows=%d bytes=%d seconds=%.3f out=%s%n", written.rows(),
          written.bytes(), seconds, out);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (GeneratorException e) {
      spec.commandLine().getErr().println(e.getMessage());
      spec.commandLine().getErr().flush();
      return EXIT_GENERATOR_FAILURE;
    }
  }

  private record Written(long rows, long bytes) {
  }

  private Written write(SourceProfile profile, GeneratorSettings settings) {
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      long rowsWritten;
      try (Writer writer = new BufferedWriter(
          new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), OUTPUT_BUFFER_CHARS)) {
        rowsWritten = TitlesCsvGenerator.write(profile, settings, writer);
      }
      return new Written(rowsWritten, Files.size(out));
    } catch (IOException e) {
      throw new GeneratorException(GeneratorException.Reason.OUTPUT_UNWRITABLE,
          "cannot write " + out + ": " + e.getMessage(), e);
    }
  }
}
