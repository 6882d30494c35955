package io.netflixlakehouse.lakewriter.cli;

import io.netflixlakehouse.lakewriter.baseline.BaselineCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code stream}, {@code report}, {@code sql} and {@code baseline}. Output on stdout, logs on stderr. */
@Command(
        name = "lake-writer",
        mixinStandardHelpOptions = true,
        version = "lake-writer 0.1.0-SNAPSHOT",
        description = "Writes the lakehouse topics into Delta tables, and reports on them.",
        subcommands = {StreamCommand.class, ReportCommand.class, SqlCommand.class, BaselineCommand.class})
public final class LakeWriterMain implements Runnable {

    /** Exit code of a lake with no tables, and of invalid options. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new LakeWriterMain())
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    cmd.getErr().println("lake-writer: " + e.getMessage());
                    return e instanceof IllegalArgumentException ? EXIT_USAGE : 1;
                });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: stream, report, sql or baseline");
    }
}
