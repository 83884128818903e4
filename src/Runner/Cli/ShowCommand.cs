using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Connections;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Cli;

/// <summary>
/// `forge show --select m` (dbt show): compiles one model, runs its SELECT with a row limit and
/// prints the rows as a table. Nothing is built; `--inline "select …"` previews any query,
/// with refs resolved.
/// </summary>
internal static class ShowCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("show", "Preview the rows a model (or an inline query) returns, without building anything.");
        shared.AddProjectOptions(command);
        command.Options.Add(shared.Select);
        var inline = new Option<string?>("--inline") { Description = "A query to preview instead of a model; ref() and source() work in it." };
        // As dbt's --limit: the number goes into the query's LIMIT, so 0 shows the columns and no
        // rows, and a negative number shows every row.
        var limit = new WholeNumberOption("--limit", "Rows to show (default 5; 0 for the columns only, -1 for all rows).", int.MinValue, int.MaxValue,
            "a whole number of rows (-1 for all)", "10", defaultValue: 5);
        command.Options.Add(inline);
        command.Options.Add(limit.Option);
        command.SetAction(parse =>
        {
            var options = InvocationOptions.From(parse, shared, environment, "show");
            var query = parse.GetValue(inline);
            if (options.Select.Count == 0 == (query is null))
            {
                environment.Error.WriteLine($"error {DiagnosticCodes.BadCommandLine}: give either --select MODEL or --inline \"select …\"");
                environment.Error.WriteLine("  hint: e.g. `forge show --select fct_orders --limit 10`");
                return ExitCodes.UsageOrProject;
            }
            var session = ProjectSession.Open(options, environment);
            if (session is null) return ExitCodes.UsageOrProject;
            return Show(session, environment, query, limit.ValueIn(parse)!.Value);
        });
        return command;
    }

    private static int Show(ProjectSession session, CliEnvironment environment, string? inline, int limit)
    {
        var project = session.Compiled!;
        ProjectNode node;
        if (inline is not null)
        {
            var diagnostics = new DiagnosticBag();
            node = InlineNode.Create(project, inline, diagnostics);
            if (diagnostics.HasErrors)
            {
                DiagnosticPrinter.Print(environment.Error, diagnostics.ToList());
                return ExitCodes.UsageOrProject;
            }
        }
        else
        {
            var selected = NodeSelector.Select(session, environment, new HashSet<ResourceType> { ResourceType.Model, ResourceType.Seed, ResourceType.Snapshot });
            if (selected is null) return ExitCodes.UsageOrProject;
            if (selected.Count == 0)
            {
                environment.Error.WriteLine($"error {DiagnosticCodes.BadCommandLine}: --select {string.Join(' ', session.Options.Select)} matches no model");
                environment.Error.WriteLine("  hint: run `forge ls` to see the model names");
                return ExitCodes.UsageOrProject;
            }
            node = selected[^1];
            // With --defer, selection gave the session the deferred view of the project.
            project = session.Compiled!;
        }

        var target = session.Project.Target;
        var sql = ConnectionFactory.SqlFor(target);
        try
        {
            using var connection = ConnectionFactory.Open(target);
            var compiler = new NodeCompiler(project, new DatabaseAdapter(connection, sql, new RelationCache(sql)));
            // A seed or snapshot has no SELECT of its own: preview the relation it built.
            var body = !node.HasTemplate || node.ResourceType != ResourceType.Model
                ? $"select * from {node.Relation.Render()}"
                : ModelExecutor.TrimStatement(compiler.Render(node).Text);
            using var command = connection.CreateCommand();
            command.CommandText = limit < 0 ? body : sql.LimitRows(body, limit);
            using var reader = command.ExecuteReader();
            environment.Output.WriteLine($"Previewing {(inline is null ? node.Name : "inline query")} ({(limit < 0 ? "all rows" : limit == 1 ? "first row" : $"first {limit} rows")}):");
            ResultTable.Write(environment.Output, reader);
            return ExitCodes.Success;
        }
        catch (DiagnosticException e)
        {
            DiagnosticPrinter.Print(environment.Error, [e.Diagnostic]);
            return ExitCodes.Failure;
        }
        catch (DbException e)
        {
            DiagnosticPrinter.Print(environment.Error, [Diagnostic.Error(DiagnosticCodes.DatabaseError,
                $"database error in {(inline is null ? $"model '{node.Name}'" : "the inline query")}: {e.Message.Split('\n')[0].Trim()}",
                node.DefinitionSpan, "run `forge compile` and look at the compiled SQL")]);
            return ExitCodes.Failure;
        }
    }
}
