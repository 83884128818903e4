using System.Data.Common;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution.Materializations;

namespace ModelForge.Runner.Execution.Hooks;

/// <summary>
/// Renders and runs hooks as dbt does: a model's pre-hooks before its materialization and its
/// post-hooks after, with the model's context (<c>{{ this }}</c>); the project's on-run-start before
/// the first node and on-run-end after the last. A failing hook fails its node (or the run).
/// </summary>
internal static class HookRunner
{
    /// <summary>Runs <paramref name="hooks"/> of <paramref name="node"/> through the materialization's connection; throws DiagnosticException.</summary>
    public static void RunNodeHooks(NodeCompiler compiler, ProjectNode node, IReadOnlyList<Hook> hooks, string which, MaterializationContext context)
    {
        foreach (var hook in hooks)
        {
            var sql = Render(compiler, node, hook.Sql, $"{node.Path} ({which})");
            if (sql.Length == 0) continue;
            try
            {
                context.Execute(sql);
            }
            catch (DbException e)
            {
                throw new DiagnosticException(DiagnosticCodes.Selection.HookFailed(node.DefinitionSpan, $"{which} of {node.Name}", FirstLine(e.Message)));
            }
        }
    }

    /// <summary>on-run-start / on-run-end; the first failure is returned (and the rest skipped).</summary>
    public static Diagnostic? RunProjectHooks(NodeCompiler compiler, DbConnection connection, IReadOnlyList<string> hooks, string which, string projectFile,
        IReadOnlyDictionary<string, object?>? globals = null)
    {
        foreach (var hook in hooks)
        {
            try
            {
                var sql = ModelExecutor.TrimStatement(compiler.RenderHook(null, hook, $"{projectFile} ({which})", globals).Text).Trim();
                if (sql.Length == 0) continue;
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
            catch (DiagnosticException e)
            {
                return e.Diagnostic;
            }
            catch (DbException e)
            {
                return DiagnosticCodes.Selection.HookFailed(null, which, FirstLine(e.Message)) with { FilePath = projectFile };
            }
        }
        return null;
    }

    private static string Render(NodeCompiler compiler, ProjectNode? node, string sql, string origin) =>
        ModelExecutor.TrimStatement(compiler.RenderHook(node, sql, origin).Text).Trim();

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
