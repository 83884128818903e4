using System.Text;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>
/// A database relation as templates see it (<c>this</c>, <c>ref()</c>, <c>source()</c>,
/// <c>api.Relation.create()</c>): immutable; renders as the target quotes it.
/// </summary>
/// <param name="Database">Null when the target has no database level or it is not known.</param>
/// <param name="Type">One of <see cref="RelationType"/>'s names, or null when unknown.</param>
public sealed partial record Relation(
    string? Database,
    string? Schema,
    string? Identifier,
    string? Type,
    RelationQuoting Quoting)
{
    /// <summary>Whether the schema part is rendered (dbt's include policy; the database follows <see cref="RelationQuoting.IncludeDatabase"/>).</summary>
    public bool IncludeSchema { get; init; } = true;

    public bool IncludeIdentifier { get; init; } = true;

    /// <summary>
    /// What the relation renders as instead of its name: a quoted file path or a table function call
    /// (a dbt-duckdb source with <c>external_location</c>). Null for a relation in the database.
    /// </summary>
    public string? External { get; init; }

    /// <summary>
    /// A microbatch window on an upstream that declares event_time (a SQL condition), or null.
    /// While set, the relation renders as a subquery of the rows in the window, as dbt's does.
    /// </summary>
    public string? EventTimeFilter { get; init; }

    /// <summary>
    /// What the relation renders as under <c>--empty</c>: a zero-row subquery in the target's SQL, or null.
    /// Set on refs and sources only, never on <c>this</c>.
    /// </summary>
    public string? EmptyForm { get; init; }

    /// <summary>dbt's require_alias: the filtered subquery gets the alias <c>_dbt_et_filter_subq_&lt;identifier&gt;</c>.</summary>
    public bool RequireAlias { get; init; } = true;

    /// <summary>Rendered name, e.g. <c>"analytics"."orders"</c>, or the filtered subquery when <see cref="EventTimeFilter"/> is set.</summary>
    public string Render() =>
        EmptyForm ?? (EventTimeFilter is { } filter
            ? $"(select * from {RenderName()} where {filter}){(RequireAlias ? $" _dbt_et_filter_subq_{Identifier}" : "")}"
            : RenderName());

    // Every ref renders its relation: the name is built in the thread's builder (kept between calls), one string made.
    private string RenderName()
    {
        if (External is not null) return External;
        var name = t_name ??= new StringBuilder(128);
        name.Clear();
        AppendName(name);
        return name.ToString();
    }

    [ThreadStatic] private static StringBuilder? t_name;

    // The name's parts, quoted as the target quotes them, joined by dots: for RenderName and for writing into a render.
    private void AppendName(StringBuilder name)
    {
        var any = false;
        if (Quoting.IncludeDatabase && !string.IsNullOrEmpty(Database)) Append(name, ref any, Database, Quoting.QuoteDatabase);
        if (IncludeSchema && !string.IsNullOrEmpty(Schema)) Append(name, ref any, Schema, Quoting.QuoteSchema);
        if (IncludeIdentifier && !string.IsNullOrEmpty(Identifier)) Append(name, ref any, Identifier, Quoting.QuoteIdentifier);
    }

    private void Append(StringBuilder name, ref bool any, string part, bool quote)
    {
        if (any) name.Append('.');
        any = true;
        if (!quote) name.Append(part);
        else if (part.Contains(Quoting.CloseQuote, StringComparison.Ordinal)) name.Append(Quoting.Quote(part));
        else name.Append(Quoting.OpenQuote).Append(part).Append(Quoting.CloseQuote);
    }

    public override string ToString() => Render();

    public bool IsTable => Type == RelationType.Table;

    public bool IsView => Type == RelationType.View;

    public bool IsCte => Type == RelationType.Cte;
}
