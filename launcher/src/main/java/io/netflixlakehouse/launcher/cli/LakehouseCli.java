package io.netflixlakehouse.launcher.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lakehouse}: run the whole pipeline on one machine, query the lake, replay consumer groups. */
@Command(name = "lakehouse",
        mixinStandardHelpOptions = true,
        version = "lakehouse 0.1.0",
        description = "Event-driven medallion lakehouse: Kafka, Quarkus services, Spark + Delta.",
        subcommands = {DemoCommand.class, BenchCommand.class, SqlCommand.class, ReportCommand.class, ResetGroupsCommand.class,
                UploadCommand.class, RedriveCommand.class,
                CommandLine.HelpCommand.class})
public final class LakehouseCli implements Runnable {

    @Option(names = "--home", description = "Repository root holding the built modules (default: current folder).",
            defaultValue = ".", scope = CommandLine.ScopeType.INHERIT)
    Path home;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new LakehouseCli())
                .registerConverter(java.time.Duration.class, new DurationConverter());
    }

    /** The repository root, absolute. */
    Path home() {
        return home.toAbsolutePath().normalize();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
