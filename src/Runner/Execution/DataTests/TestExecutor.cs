using System.Data.Common;
using System.Globalization;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using ModelForge.Runner.Execution.Materializations;

namespace ModelForge.Runner.Execution.DataTests;

/// <summary>
/// Runs one data test: renders it, writes target/compiled, optionally stores the failing rows in
/// the audit schema, counts the failing rows with the warn_if/error_if wrapper and turns the count
/// into PASS, WARN or FAIL by the test's severity. SQL errors point into the test's own file, or at
/// the YAML declaration of a generic test.
/// </summary>
internal sealed class TestExecutor(CompiledProject project, WorkerResources resources, string projectRoot) : INodeExecutor
{
    public NodeResult Run(ProjectNode node)
    {
        var compiledPath = NodeCompiler.CompiledPath(project, node);
        string? thread = null;
        var storeAs = StoreAs(node, project.Options.StoreFailures);
        var timer = new NodeTimer(node, compiledPath, storeAs is not null ? node.Relation.Render() : null);
        NodeResult Finish(NodeStatus status, string? message, Diagnostic? diagnostic = null, long? failures = null) =>
            timer.Result(status, message, diagnostic, thread) with { Failures = failures };

        if (ConfigError(node) is { } configError) return Finish(NodeStatus.Error, configError.Message, configError);

        WorkerResources.Worker worker;
        RenderResult rendered;
        try
        {
            worker = resources.Current;
            thread = worker.ThreadName;
            rendered = worker.Compiler.Render(node);
        }
        catch (DiagnosticException e)
        {
            return Finish(NodeStatus.Error, e.Diagnostic.Message, e.Diagnostic);
        }

        var sql = ModelExecutor.TrimStatement(rendered.Text);
        timer.Compiled(rendered.Text);
        resources.Compiled.Add(node, compiledPath, rendered.Text);
        if (ArtifactFiles.TryWrite(projectRoot, compiledPath, rendered.Text) is { } writeError)
            return Finish(NodeStatus.Error, writeError.Message, writeError);

        var context = new MaterializationContext(worker.Connection, resources.Sql, resources.Relations)
        {
            Database = node.Relation.Database, Schema = node.Relation.Schema!, Identifier = node.Relation.Identifier!, CompiledSql = sql,
        };
        var statement = "";
        try
        {
            var source = sql;
            if (storeAs is not null)
            {
                // Replaced each run, as dbt does; the count then reads what was stored.
                if (storeAs == "view") ViewMaterialization.Build(context);
                else TableMaterialization.Build(context);
                source = $"select * from {context.QualifiedName}";
            }
            statement = TestQuery.Wrap(source, node.Config, resources.Sql);
            var (failures, shouldWarn, shouldError) = Count(node, worker.Connection, statement);
            WriteRun(node, context, statement);
            var severity = node.Config.Severity;
            var status = severity == "error" && shouldError ? NodeStatus.Fail : shouldWarn ? NodeStatus.Warn : NodeStatus.Pass;
            return Finish(status, Describe(node, status, failures, context, storeAs), failures: failures);
        }
        catch (DiagnosticException e)
        {
            WriteRun(node, context, statement);
            return Finish(NodeStatus.Error, e.Diagnostic.Message, e.Diagnostic);
        }
        catch (DbException e)
        {
            WriteRun(node, context, statement);
            var diagnostic = DatabaseError(node, e, rendered, sql, context.Statements.LastOrDefault() ?? statement, compiledPath);
            return Finish(NodeStatus.Error, diagnostic.Message, diagnostic);
        }
    }

    /// <summary>
    /// table or view when the failing rows are kept, else null. As in dbt, store_failures_as wins
    /// (ephemeral keeps nothing), then the test's store_failures, then the --store-failures flag.
    /// </summary>
    internal static string? StoreAs(ProjectNode node, bool flag)
    {
        if (node.Config.Get("store_failures_as") is { } storeAs && storeAs.ToString() is { Length: > 0 } text)
            return text.ToLowerInvariant() switch { "table" => "table", "view" => "view", _ => null };
        var configured = node.Config.Get("store_failures");
        var stores = configured is null ? flag : configured is true or "true" or "True";
        return stores ? "table" : null;
    }

    private static (long Failures, bool Warn, bool Error) Count(ProjectNode node, DbConnection connection, string statement)
    {
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return (0, false, false);
        // fail_calc may be sum(...): a 128-bit HUGEINT on DuckDB, a decimal on SQL Server.
        var value = reader.IsDBNull(0) ? null : reader.GetValue(0);
        var failures = value is null ? 0 : DbNumbers.ToInt64(value) ?? throw new DiagnosticException(
            DiagnosticCodes.Introspection.NotANumber($"the fail_calc of test '{node.Name}'", value, node.DefinitionSpan));
        return (failures, Flag(reader, 1), Flag(reader, 2));

        static bool Flag(DbDataReader reader, int column) => !reader.IsDBNull(column) && DbNumbers.IsTrue(reader.GetValue(column));
    }

    /// <summary>dbt's wording: "Got 3 results, configured to fail if != 0", plus where stored failures went.</summary>
    private static string Describe(ProjectNode node, NodeStatus status, long failures, MaterializationContext context, string? storeAs)
    {
        var noun = failures == 1 ? "result" : "results";
        var message = status switch
        {
            NodeStatus.Fail => $"Got {failures} {noun}, configured to fail if {TestQuery.ErrorIf(node.Config).Trim()}",
            NodeStatus.Warn => $"Got {failures} {noun}, configured to warn if {TestQuery.WarnIf(node.Config).Trim()}",
            _ => "PASS",
        };
        return storeAs is not null ? $"{message}; failing rows stored in {context.QualifiedName}" : message;
    }

    private void WriteRun(ProjectNode node, MaterializationContext context, string statement)
    {
        var statements = context.Statements.Append(statement).Where(s => s.Length > 0);
        resources.RunFiles.Write(projectRoot, NodeCompiler.RunPath(project, node), statements);
    }

    private static Diagnostic? ConfigError(ProjectNode node)
    {
        if (TestQuery.InvalidThreshold(node.Config) is var (key, value))
            return Diagnostic.Error(DiagnosticCodes.TestThresholdInvalid,
                string.Format(DiagnosticCodes.TestThresholdInvalidMessage, node.Name, key, value), node.DefinitionSpan, DiagnosticCodes.TestThresholdInvalidHint);
        if (TestQuery.InvalidLimit(node.Config) is { } limit)
            return Diagnostic.Error(DiagnosticCodes.TestLimitInvalid,
                string.Format(DiagnosticCodes.TestLimitInvalidMessage, node.Name, limit), node.DefinitionSpan, DiagnosticCodes.TestLimitInvalidHint);
        if (node.Config.Get("store_failures_as") is { } storeAs && storeAs.ToString() is { Length: > 0 } text
            && text.ToLowerInvariant() is not ("table" or "view" or "ephemeral"))
            return Diagnostic.Error(DiagnosticCodes.StoreFailuresAsInvalid,
                string.Format(DiagnosticCodes.StoreFailuresAsInvalidMessage, node.Name, text), node.DefinitionSpan, DiagnosticCodes.StoreFailuresAsInvalidHint);
        return null;
    }

    /// <summary>
    /// The database's message at the test's own line and column when the database gave a position
    /// inside the test's SQL; a generic test's generated SQL is reported at its YAML declaration.
    /// </summary>
    private static Diagnostic DatabaseError(ProjectNode node, DbException e, RenderResult rendered, string sql, string statement, string compiledPath)
    {
        SourceSpan? span = node.DefinitionSpan;
        if (node.Test is null && Connections.Adapters.ErrorPositions.Find(e, statement, sql, rendered.Map.Find) is { } mapped) span = mapped;
        var message = e.Message.Split('\n')[0].Trim();
        return Diagnostic.Error(DiagnosticCodes.TestQueryFailed, string.Format(DiagnosticCodes.TestQueryFailedMessage, node.Name, message), span,
            DiagnosticCodes.TestQueryFailedHint, $"compiled SQL: {compiledPath}");
    }
}
