package io.orderhooks.examples;

import io.orderhooks.examples.cli.DemoCommand;
import io.orderhooks.examples.cli.EngineCommand;
import io.orderhooks.examples.cli.MiddlewareCommand;
import io.orderhooks.examples.cli.ReplayCommand;
import io.orderhooks.examples.cli.SignCommand;
import io.orderhooks.examples.cli.TriggerCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar orderhooks.jar [demo|middleware|engine|trigger|replay|sign] [options]}: the example merchant's runnable
 * application. Without a subcommand it runs {@code demo}, passing it the options given. Exit codes: 0 done, 1 failure, 2 bad usage.
 */
@Command(name = "orderhooks", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {DemoCommand.class, MiddlewareCommand.class, EngineCommand.class, TriggerCommand.class,
                ReplayCommand.class, SignCommand.class},
        description = {"The orderhooks example merchant: an OrderCloud-compatible order engine and the merchant's",
                "middleware (tax, shipping, order export, invitation guards).",
                "Without a command, runs 'demo'."})
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, ready to {@code execute} or {@code parseArgs}. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::oneLine);
    }

    /** A state the command cannot run in (e.g. a store that cannot open) ends it with one line, exit code 1. */
    private static int oneLine(Exception e, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalStateException) {
            cl.getErr().println("orderhooks: " + e.getMessage());
            return 1;
        }
        throw e;
    }

    /** Options given without a subcommand belong to {@code demo} ({@code java -jar orderhooks.jar --exit}). */
    @CommandLine.Unmatched
    java.util.List<String> demoArgs = new java.util.ArrayList<>();

    /** No subcommand: the demo, with any options given. */
    @Override
    public Integer call() throws Exception {
        CommandLine demo = spec.commandLine().getSubcommands().get("demo");
        return demo.execute(demoArgs.toArray(String[]::new));
    }

    /** The jar's {@code Implementation-Version}, or {@code dev} when run from classes. */
    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"orderhooks " + version() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
