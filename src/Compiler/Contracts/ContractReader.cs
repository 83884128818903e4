using System.Collections;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Contracts;

/// <summary>
/// Reads a model's contract from its YAML properties (<c>columns:</c> with data_type and
/// constraints, model-level <c>constraints:</c>). Problems are reported at the column or model
/// entry; constraint items carry no position of their own in the parsed YAML.
/// </summary>
public static class ContractReader
{
    /// <summary>The contract of a model with <c>contract: {enforced: true}</c>; null when not enforced or when it has errors.</summary>
    public static ModelContract? Read(ProjectNode node, DiagnosticBag diagnostics)
    {
        if (!node.Config.ContractEnforced) return null;
        var local = new DiagnosticBag();
        var contract = Read(node, node.Properties?.Span ?? node.DefinitionSpan, local);
        diagnostics.AddRange(local.ToList());
        return local.HasErrors ? null : contract;
    }

    private static ModelContract? Read(ProjectNode node, SourceSpan? modelSpan, DiagnosticBag diagnostics)
    {
        if (node.Materialized == "ephemeral")
            diagnostics.Add(DiagnosticCodes.Contracts.EphemeralWithContract(modelSpan, node.Name));
        var properties = node.Properties;
        if (properties is null || properties.Columns.Count == 0)
        {
            diagnostics.Add(DiagnosticCodes.Contracts.ContractWithoutColumns(modelSpan, node.Name));
            return null;
        }

        var columns = new List<ContractColumn>();
        var constraints = new List<ContractConstraint>();
        foreach (var column in properties.Columns)
        {
            if (string.IsNullOrWhiteSpace(column.DataType))
                diagnostics.Add(DiagnosticCodes.Contracts.ColumnWithoutType(column.Span, node.Name, column.Name));
            else
                columns.Add(new ContractColumn(column.Name, column.DataType, column.Span));
            foreach (var raw in column.Constraints)
            {
                if (Constraint(raw, column.Span, node.Name, [column.Name], diagnostics) is { } c) constraints.Add(c with { ColumnLevel = true });
            }
        }
        var names = properties.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in properties.Constraints)
        {
            if (Constraint(raw, properties.Span, node.Name, null, diagnostics) is not { } c) continue;
            foreach (var unknown in c.Columns.Where(n => !names.Contains(n)))
                diagnostics.Add(DiagnosticCodes.Contracts.ConstraintUnknownColumn(properties.Span, node.Name, c.TypeName, unknown, names));
            constraints.Add(c);
        }
        return new ModelContract(columns, constraints);
    }

    private static ContractConstraint? Constraint(object? raw, SourceSpan span, string model, IReadOnlyList<string>? column, DiagnosticBag diagnostics)
    {
        if (raw is not IReadOnlyDictionary<string, object?> map || map.GetValueOrDefault("type") is not string type)
        {
            diagnostics.Add(DiagnosticCodes.Contracts.ConstraintWithoutType(span, model));
            return null;
        }
        ConstraintKind? kind = type.ToLowerInvariant() switch
        {
            "not_null" => ConstraintKind.NotNull,
            "unique" => ConstraintKind.Unique,
            "primary_key" => ConstraintKind.PrimaryKey,
            "foreign_key" => ConstraintKind.ForeignKey,
            "check" => ConstraintKind.Check,
            "custom" => ConstraintKind.Custom,
            _ => null,
        };
        if (kind is null)
        {
            diagnostics.Add(DiagnosticCodes.Contracts.UnknownConstraintType(span, model, type));
            return null;
        }
        var columns = column ?? Strings(map.GetValueOrDefault("columns"));
        var constraint = new ContractConstraint
        {
            Kind = kind.Value,
            Name = map.GetValueOrDefault("name") as string,
            Columns = columns,
            Expression = map.GetValueOrDefault("expression")?.ToString(),
            To = map.GetValueOrDefault("to") as string,
            ToColumns = Strings(map.GetValueOrDefault("to_columns")),
            Warn = map.GetValueOrDefault("warn_unenforced") is not false && map.GetValueOrDefault("warn_unsupported") is not false,
            Span = span,
        };
        var missing = constraint.Kind switch
        {
            ConstraintKind.Check or ConstraintKind.Custom when string.IsNullOrWhiteSpace(constraint.Expression) => "an 'expression'",
            ConstraintKind.ForeignKey when string.IsNullOrWhiteSpace(constraint.To) && string.IsNullOrWhiteSpace(constraint.Expression) => "'to' (e.g. ref('customers'))",
            ConstraintKind.ForeignKey when constraint.ToColumns.Count == 0 && string.IsNullOrWhiteSpace(constraint.Expression) => "'to_columns'",
            ConstraintKind.NotNull or ConstraintKind.Unique or ConstraintKind.PrimaryKey or ConstraintKind.ForeignKey when columns.Count == 0 => "'columns' (a model-level constraint names the columns it covers)",
            _ => null,
        };
        if (missing is not null)
        {
            diagnostics.Add(DiagnosticCodes.Contracts.ConstraintMissingField(span, model, constraint.TypeName, missing));
            return null;
        }
        return constraint;
    }

    private static List<string> Strings(object? value) => value switch
    {
        null => [],
        string s => [s],
        IEnumerable items => items.Cast<object?>().Where(i => i is not null).Select(i => i!.ToString()!).ToList(),
        _ => [value.ToString()!],
    };
}
