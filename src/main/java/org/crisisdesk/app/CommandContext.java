package org.crisisdesk.app;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What a subcommand needs from the command line it runs in, mixed in as {@code @Mixin CommandContext cli}: its output
 * and error writers, usage errors, and the services of the root's {@code --home}, {@code --db}, {@code --drill} and
 * {@code --as}. Adds no options of its own; the bare {@code @Command} is what picocli asks of a mixin without any.
 */
@Command
final class CommandContext {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    /** The subcommand's own spec (its usage, its command line). */
    CommandSpec spec() {
        return spec;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A mistake in what was typed: picocli prints {@code message} and the usage, exit code 2. */
    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Opens the services for this run; the caller closes them. */
    Services openServices() {
        return ((CrisisDeskCommand) spec.root().userObject()).openServices();
    }
}
