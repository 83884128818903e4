using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.UnitTests;

namespace ModelForge.Runner.Execution.UnitTests;

/// <summary>
/// A unit test's SQL for `forge compile`, which needs no warehouse: the model with each input as
/// a CTE of typed rows. Only inputs whose column types the project declares can be typed (see
/// <see cref="UpstreamColumns.Declared"/>), or given as sql; any other makes the test's SQL
/// unknown until `forge test` reads the warehouse, so it is skipped, never failed.
/// </summary>
internal sealed class UnitTestCompiler(CompiledProject project, TargetSql sql)
{
    private readonly UpstreamColumns _columns = new(project, sql, new RelationCache(sql));
    private readonly UnitTestRenderer _renderer = new(project, null);

    /// <summary>The SQL, or null with the input whose types need the warehouse. Throws DiagnosticException for a broken test.</summary>
    public string? TryRender(ProjectNode node, out string? unknownInput)
    {
        var unit = node.UnitTest!;
        var inputs = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var input in unit.Inputs)
        {
            if (input.Sql is { } given)
            {
                inputs[input.UpstreamId] = (input.CteName, given);
                continue;
            }
            var upstream = project.Nodes[input.UpstreamId];
            if (_columns.Declared(upstream) is not { } columns)
            {
                unknownInput = input.Display;
                return null;
            }
            var unknown = input.Rows!.Columns.FirstOrDefault(c => !columns.Any(k => string.Equals(k.Name, c, StringComparison.OrdinalIgnoreCase)));
            if (unknown is not null)
                throw new DiagnosticException(DiagnosticCodes.UnitTests.UnknownColumn(input.ColumnSpans.GetValueOrDefault(unknown, input.Span), node.Name, input.Display,
                    unknown, columns.Select(c => c.Name).ToList(), NameSuggester.Nearest(unknown, columns.Select(c => c.Name))));
            inputs[input.UpstreamId] = (input.CteName, FixtureSql.Select(sql, columns, input.Rows));
        }
        unknownInput = null;
        return _renderer.Render(project.Nodes[unit.ModelId], inputs, unit.Definition.Overrides);
    }
}
