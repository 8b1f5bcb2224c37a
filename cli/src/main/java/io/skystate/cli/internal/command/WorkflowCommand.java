package io.skystate.cli.internal.command;

import picocli.CommandLine.Command;

/** {@code skystate workflow}: work on definition documents (JSON or YAML), without a provider. */
@Command(name = "workflow", description = "Validate, draw and export workflow definition documents (JSON or YAML).",
        subcommands = {WorkflowValidateCommand.class, WorkflowRenderCommand.class, WorkflowExportCommand.class})
final class WorkflowCommand {
}
