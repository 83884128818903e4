using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>An in-memory database: named relations, canned query results, and a log of statements.</summary>
internal sealed class FakeAdapter : IAdapterRuntime
{
    public Dictionary<string, Relation> Relations { get; } = [];

    public List<string> Statements { get; } = [];

    public QueryResult NextResult { get; set; } = new(["n"], [[1L]]);

    public QueryResult Query(string sql)
    {
        Statements.Add("query: " + sql);
        return NextResult;
    }

    public AdapterResponse Execute(string sql)
    {
        Statements.Add("execute: " + sql);
        return new AdapterResponse("OK", 3);
    }

    public Relation? GetRelation(string? database, string schema, string identifier) =>
        Relations.GetValueOrDefault($"{schema}.{identifier}");

    public IReadOnlyList<Column> GetColumnsInRelation(Relation relation) =>
        Relations.ContainsKey($"{relation.Schema}.{relation.Identifier}")
            ? [new Column("id", "INTEGER"), new Column("name", "VARCHAR")]
            : [];

    public void CreateSchema(Relation relation) => Statements.Add("create schema " + relation.Schema);

    public void DropRelation(Relation relation)
    {
        Statements.Add("drop " + relation.Render());
        Relations.Remove($"{relation.Schema}.{relation.Identifier}");
    }

    public void RenameRelation(Relation from, Relation to) => Statements.Add($"rename {from.Render()} to {to.Identifier}");
}
