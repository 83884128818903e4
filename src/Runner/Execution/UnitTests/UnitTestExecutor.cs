using System.Data.Common;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.UnitTests;

namespace ModelForge.Runner.Execution.UnitTests;

/// <summary>
/// Runs one unit test: types each input's rows by its upstream's columns, renders the model with
/// the inputs as CTEs, runs it and compares its rows with the expected ones (as multisets, on the
/// expected columns). Nothing is created in the warehouse: the query only reads the CTEs, so a
/// unit test runs on an empty database. PASS, FAIL with the side-by-side diff, or ERROR with the
/// YAML position.
/// </summary>
internal sealed class UnitTestExecutor(CompiledProject project, WorkerResources resources, string projectRoot) : INodeExecutor
{
    private readonly UpstreamColumns _columns = new(project, resources.Sql, resources.Relations);

    public NodeResult Run(ProjectNode node)
    {
        var unit = node.UnitTest!;
        var compiledPath = NodeCompiler.CompiledPath(project, node);
        var timer = new NodeTimer(node, compiledPath, null);
        string? thread = null;
        var warnings = new List<Diagnostic>();
        NodeResult Finish(NodeStatus status, string message, Diagnostic? diagnostic = null, long? failures = null) =>
            timer.Result(status, message, diagnostic, thread) with { Failures = failures, Warnings = warnings };

        var query = "";
        try
        {
            var worker = resources.Current;
            thread = worker.ThreadName;
            var connection = worker.Connection;
            var renderer = new UnitTestRenderer(project, new DatabaseAdapter(connection, resources.Sql, resources.Relations));
            var model = project.Nodes[unit.ModelId];
            var inputs = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            foreach (var input in unit.Inputs)
                inputs[input.UpstreamId] = (input.CteName, InputSql(node, input, connection, renderer, warnings));
            query = renderer.Render(model, inputs, unit.Definition.Overrides);
            if (ArtifactFiles.TryWrite(projectRoot, compiledPath, query + "\n") is { } writeError)
                return Finish(NodeStatus.Error, writeError.Message, writeError);

            var (columns, expectedQuery) = Expected(node, model, unit.Expected, connection, query);
            var expected = ResultRows.Read(connection, expectedQuery, columns);
            var actual = ResultRows.Read(connection, query, columns);
            if (UnitTestComparison.Diff(columns, expected, actual, out var differing) is not { } diff) return Finish(NodeStatus.Pass, "PASS");
            return Finish(NodeStatus.Fail, diff, failures: differing);
        }
        catch (DiagnosticException e)
        {
            return Finish(NodeStatus.Error, e.Diagnostic.Message, e.Diagnostic);
        }
        catch (DbException e)
        {
            if (query.Length > 0) ArtifactFiles.TryWrite(projectRoot, compiledPath, query + "\n");
            var diagnostic = DiagnosticCodes.UnitTests.QueryFailed(unit.Definition.Span, node.Name, e.Message.Split('\n')[0].Trim(), compiledPath);
            return Finish(NodeStatus.Error, diagnostic.Message, diagnostic);
        }
    }

    /// <summary>The SELECT an input stands in with: sql as written, rows cast to the upstream's column types.</summary>
    private string InputSql(ProjectNode test, UnitTestInput input, DbConnection connection, UnitTestRenderer renderer, List<Diagnostic> warnings)
    {
        if (input.Sql is { } sql) return sql;
        var rows = input.Rows!;
        var upstream = project.Nodes[input.UpstreamId];
        var columns = _columns.Of(upstream, connection, renderer);
        if (columns is null)
        {
            warnings.Add(Diagnostic.Warning(DiagnosticCodes.UnitTests.UntypedInputCode,
                $"unit test '{test.Name}': the columns of {input.Display} are unknown, so its rows are used as written (untyped)", input.Span,
                "declare the columns' data_type in YAML, or build the relation, so the rows are cast to the right types"));
            return FixtureSql.Select(resources.Sql, FixtureSql.Untyped(rows), rows);
        }
        CheckColumns(rows.Columns, columns, name => DiagnosticCodes.UnitTests.UnknownColumn(input.ColumnSpans.GetValueOrDefault(name, input.Span), test.Name, input.Display, name,
            columns.Select(c => c.Name).ToList(), Compiler.Diagnostics.NameSuggester.Nearest(name, columns.Select(c => c.Name))));
        return FixtureSql.Select(resources.Sql, columns, rows);
    }

    /// <summary>The expected columns and the query that returns the expected rows, typed as the model returns them.</summary>
    private (IReadOnlyList<string> Columns, string Query) Expected(ProjectNode test, ProjectNode model, UnitTestInput expect,
        DbConnection connection, string actualQuery)
    {
        if (expect.Sql is { } sql) return (_columns.Describe(connection, sql).Select(c => c.Name).ToList(), sql);
        var rows = expect.Rows!;
        var returned = _columns.Describe(connection, actualQuery);
        var names = returned.Select(c => c.Name).ToList();
        CheckColumns(rows.Columns, returned, name => DiagnosticCodes.UnitTests.UnknownExpectedColumn(expect.ColumnSpans.GetValueOrDefault(name, expect.Span), test.Name, model.Name, name,
            names, Compiler.Diagnostics.NameSuggester.Nearest(name, names)));
        // Only the expected columns are compared (dbt: the columns given in expect), typed as the model returns them.
        var typed = rows.Columns.Select(c => returned.First(r => string.Equals(r.Name, c, StringComparison.OrdinalIgnoreCase))).ToList();
        return (typed.Select(c => c.Name).ToList(), FixtureSql.Select(resources.Sql, typed, rows));
    }

    private static void CheckColumns(IReadOnlyList<string> given, IReadOnlyList<TypedColumn> known, Func<string, Diagnostic> unknown)
    {
        foreach (var name in given)
        {
            if (!known.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))) throw new DiagnosticException(unknown(name));
        }
    }
}
