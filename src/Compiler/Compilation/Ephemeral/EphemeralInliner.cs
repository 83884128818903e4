using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation.Ephemeral;

/// <summary>
/// Inlines the ephemeral models a model refs as CTEs, as dbt does: recursively (an ephemeral's own
/// ephemeral refs come first), each once, in dependency order, and merged into the model's own
/// leading WITH rather than nesting a second one. Targets whose CTEs cannot nest
/// (<see cref="Targets.TargetCapabilities.NestedCtes"/> false: SQL Server) also get each ephemeral's own leading CTEs hoisted into the one list.
/// </summary>
internal sealed class EphemeralInliner(Func<ProjectNode, (RenderResult Body, IReadOnlyList<ProjectNode> Refs)> render, bool hoist)
{
    public InlinedSql Inline(RenderResult body, IReadOnlyList<ProjectNode> refs)
    {
        if (refs.Count == 0) return InlinedSql.Of(body);
        var ordered = new List<(ProjectNode Node, RenderResult Body)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in refs) Visit(node, ordered, seen);

        var builder = new InlinedSql.Builder(body);
        var listStart = CteScanner.CteListStart(body.Text);
        if (hoist && listStart >= 0 && CteScanner.Split(body.Text) is { } own)
        {
            // Flat list: every ephemeral's CTEs, then the model's own, then the model's query.
            builder.Append(body, 0, listStart);
            AppendCtes(builder, ordered);
            foreach (var (start, length) in own.Ctes) builder.Append(",\n").Append(body, start, length);
            builder.Append("\n");
            return builder.Append(body, own.QueryStart, body.Text.Length - own.QueryStart).Build();
        }
        if (listStart >= 0)
        {
            builder.Append(body, 0, listStart);
            AppendCtes(builder, ordered);
            builder.Append(",\n");
            return builder.Append(body, listStart, body.Text.Length - listStart).Build();
        }
        builder.Append("with ");
        AppendCtes(builder, ordered);
        if (!body.Text.StartsWith('\n')) builder.Append("\n");
        return builder.Append(body, 0, body.Text.Length).Build();
    }

    private void Visit(ProjectNode node, List<(ProjectNode, RenderResult)> ordered, HashSet<string> seen)
    {
        if (!seen.Add(node.UniqueId)) return;
        var (body, refs) = render(node);
        // The graph has no cycles, so this recursion ends; parents are listed before children.
        foreach (var parent in refs) Visit(parent, ordered, seen);
        ordered.Add((node, body));
    }

    private void AppendCtes(InlinedSql.Builder builder, List<(ProjectNode Node, RenderResult Body)> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            var (node, body) = ordered[i];
            if (i > 0) builder.Append(",\n");
            var length = TrimmedLength(body.Text);
            var start = 0;
            while (start < length && char.IsWhiteSpace(body.Text[start])) start++;
            if (hoist && CteScanner.Split(body.Text[..length]) is { } split)
            {
                foreach (var (cteStart, cteLength) in split.Ctes) builder.Append(body, cteStart, cteLength).Append(",\n");
                start = split.QueryStart;
            }
            builder.Append($"{EphemeralResolver.CteName(node)} as (\n");
            builder.Append(body, start, length - start);
            builder.Append("\n)");
        }
    }

    /// <summary>Without trailing whitespace and semicolons, which would end the CTE early.</summary>
    private static int TrimmedLength(string sql)
    {
        var end = sql.Length;
        while (end > 0 && (char.IsWhiteSpace(sql[end - 1]) || sql[end - 1] == ';')) end--;
        return end;
    }
}
