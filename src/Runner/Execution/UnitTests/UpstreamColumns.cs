using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Seeds;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.UnitTests;

namespace ModelForge.Runner.Execution.UnitTests;

/// <summary>
/// The columns and types of a node a unit test reads, so given rows can be cast to them: from the
/// warehouse when the relation exists; else a source's YAML data_types, a seed's CSV (typed as
/// `forge seed` would load it), or a model's query described with each of its own inputs stood in
/// by typed empty rows, recursively, so nothing upstream needs to be built. Shared by the run's
/// workers; each call uses the caller's connection.
/// </summary>
internal sealed class UpstreamColumns(CompiledProject project, TargetSql sql, RelationCache relations)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<TypedColumn>> _known = new(StringComparer.Ordinal);

    /// <summary>Null when they cannot be known (a source never loaded, without data_types).</summary>
    public IReadOnlyList<TypedColumn>? Of(ProjectNode node, DbConnection connection, UnitTestRenderer renderer)
    {
        if (_known.TryGetValue(node.UniqueId, out var known)) return known;
        var columns = Find(node, connection, renderer);
        if (columns is not null) _known[node.UniqueId] = columns;
        return columns;
    }

    /// <summary>The columns a query returns, without running it.</summary>
    public IReadOnlyList<TypedColumn> Describe(DbConnection connection, string query)
    {
        var (name, type) = sql.DescribeColumnOrdinals;
        var columns = new List<TypedColumn>();
        using var command = connection.CreateCommand();
        command.CommandText = sql.DescribeQuery(query);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            columns.Add(new TypedColumn(Convert.ToString(reader.GetValue(name), CultureInfo.InvariantCulture)!,
                Convert.ToString(reader.GetValue(type), CultureInfo.InvariantCulture)!));
        return columns;
    }

    private IReadOnlyList<TypedColumn>? Find(ProjectNode node, DbConnection connection, UnitTestRenderer renderer)
    {
        var relation = node.Relation;
        var ephemeral = node.ResourceType == ResourceType.Model && node.Materialized == "ephemeral";
        if (!ephemeral && relation.Schema is { } schema && relation.Identifier is { } identifier
            && relations.Find(connection, relation.Database, schema, identifier) is not null)
            return Describe(connection, $"select * from {relation.Render()}");
        return node.ResourceType is ResourceType.Source or ResourceType.Seed ? Declared(node) : Stubbed(node, connection, renderer);
    }

    /// <summary>
    /// The columns the project itself declares, for `forge compile` with no warehouse: a source's
    /// YAML data_types, a seed's CSV, a model with an enforced contract; null for anything else.
    /// </summary>
    public IReadOnlyList<TypedColumn>? Declared(ProjectNode node)
    {
        switch (node.ResourceType)
        {
            case ResourceType.Source:
                return Typed(node.SourceTable!.Columns.Select(c => (c.Name, c.DataType)).ToList());
            case ResourceType.Seed:
                return SeedColumns(node);
            case ResourceType.Model when node.Config.ContractEnforced && node.Properties is { } properties:
                return Typed(properties.Columns.Select(c => (c.Name, c.DataType)).ToList());
            default:
                return null;
        }
    }

    private static IReadOnlyList<TypedColumn>? Typed(IReadOnlyList<(string Name, string? DataType)> declared) =>
        declared.Count == 0 || declared.Any(c => string.IsNullOrWhiteSpace(c.DataType)) ? null
            : declared.Select(c => new TypedColumn(c.Name, c.DataType!)).ToList();

    private IReadOnlyList<TypedColumn>? SeedColumns(ProjectNode seed)
    {
        if (seed.File is not { } file || SeedTypeMap.ForTarget(sql.Type) is not { } types) return null;
        var bag = new DiagnosticBag();
        if (SeedOptions.FromConfig(seed.Config, seed.Path, bag) is not { } options) return null;
        var parsed = SeedFile.Parse(file.Source, options, types, bag);
        if (parsed is null) throw new DiagnosticException(bag.ToList().First(d => d.IsError));
        return parsed.Columns.Select(c => new TypedColumn(c.Name, c.SqlType)).ToList();
    }

    /// <summary>A model never built: its query, each of its inputs a typed empty row set, described.</summary>
    private IReadOnlyList<TypedColumn>? Stubbed(ProjectNode node, DbConnection connection, UnitTestRenderer renderer)
    {
        var inputs = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var parentId in node.DependsOn)
        {
            var parent = project.Nodes[parentId];
            if (Of(parent, connection, renderer) is not { } columns) return null;
            inputs[parentId] = (UnitTestInput.CteNameFor(parentId), FixtureSql.Select(sql, columns, null));
        }
        return Describe(connection, renderer.Render(node, inputs, null));
    }
}
