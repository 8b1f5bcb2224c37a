package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.RunSummary;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.Output;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skystate run list}: one page of runs, newest first, filtered by workflow, status and start time. */
@Command(name = "list", description = {"List runs, newest start first, one page at a time.",
    "Prints the token of the next page on standard error (JSON output: as nextPageToken)."})
final class RunListCommand extends SkystateCommand {
    @Option(names = {"-w", "--workflow"}, paramLabel = "NAME", description = "Only runs of this workflow.")
    String workflow;

    @Option(names = {"-s", "--status"}, split = ",", paramLabel = "STATUS",
            description = "Only runs in these statuses: ${COMPLETION-CANDIDATES}.")
    Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);

    @Option(names = "--since", paramLabel = "WHEN", description = "Started at or after: ISO instant, or a duration ago (1h).")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Started before: ISO instant, or a duration ago.")
    String until;

    @Option(names = {"-n", "--limit"}, defaultValue = "20", paramLabel = "N", description = "Page size, 1-100 (default 20).")
    int limit;

    @Option(names = "--page-token", paramLabel = "TOKEN", description = "The page a previous listing named.")
    String pageToken;

    @Override
    ExitCode execute(Skystate skystate, Output output) {
        RunPage page = skystate.workflows().runs(query(Instant.now()));
        List<List<Object>> rows = new ArrayList<>();
        for (RunSummary run : page.runs()) {
            rows.add(RunViews.row(run));
        }
        if (output.format() == io.skystate.cli.internal.output.Format.JSON) {
            java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("runs", new Output.Table(RunViews.RUN_COLUMNS, rows));
            result.put("nextPageToken", page.nextPageToken());
            output.sections(result);
        } else {
            output.table(RunViews.RUN_COLUMNS, rows);
            page.nextPageToken().ifPresent(t -> output.note("more: --page-token " + t));
        }
        return ExitCode.OK;
    }

    RunQuery query(Instant now) {
        RunQuery query = RunQuery.all().pageSize(limit);
        if (workflow != null) {
            query = query.workflow(workflow);
        }
        if (!statuses.isEmpty()) {
            List<RunStatus> wanted = new ArrayList<>(statuses);
            query = query.statuses(wanted.get(0), wanted.subList(1, wanted.size()).toArray(RunStatus[]::new));
        }
        Optional<Instant> from = Optional.ofNullable(since).map(s -> Inputs.instant(s, now));
        Optional<Instant> before = Optional.ofNullable(until).map(s -> Inputs.instant(s, now));
        if (from.isPresent() || before.isPresent()) {
            query = new RunQuery(query.workflow(), query.statuses(), from, before, query.pageSize(), Optional.empty());
        }
        return pageToken == null ? query : query.after(pageToken);
    }
}
