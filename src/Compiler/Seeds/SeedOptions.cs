using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Seeds;

/// <summary>A seed's own config: how to read the file and which column types to force.</summary>
internal sealed record SeedOptions
{
    public static readonly SeedOptions Default = new();

    /// <summary><c>+delimiter</c>; a comma unless configured.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary><c>column_types</c>: column name to SQL type text, passed to the database as written.</summary>
    public IReadOnlyDictionary<string, string> ColumnTypes { get; init; } = new Dictionary<string, string>();

    /// <summary><c>+quote_columns</c>: quote every column name (otherwise only names that need it).</summary>
    public bool QuoteColumns { get; init; }

    /// <summary>
    /// Reads delimiter, column_types and quote_columns from a seed's resolved config. Problems are
    /// reported against the seed file (the config has no positions) and give null.
    /// </summary>
    public static SeedOptions? FromConfig(NodeConfig config, string seedPath, DiagnosticBag diagnostics)
    {
        var ok = true;
        var delimiter = ',';
        var configured = config.GetString("delimiter");
        if (configured is not null)
        {
            // A YAML "\t" arrives as a real tab; accept the two-character spelling too.
            if (configured == "\\t") configured = "\t";
            if (configured.Length != 1 || configured[0] is '"' or '\n' or '\r')
            {
                diagnostics.Add(DiagnosticCodes.Seeds.InvalidDelimiter(seedPath, configured));
                ok = false;
            }
            else
            {
                delimiter = configured[0];
            }
        }

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (config.Get("column_types"))
        {
            case null:
                break;
            case IReadOnlyDictionary<string, object?> map:
                foreach (var (column, type) in map)
                {
                    if (type is string or IFormattable && type.ToString() is { Length: > 0 } text) types[column] = text;
                    else
                    {
                        diagnostics.Add(DiagnosticCodes.Seeds.InvalidColumnTypes(seedPath, $"gives column '{column}' no type"));
                        ok = false;
                    }
                }
                break;
            default:
                diagnostics.Add(DiagnosticCodes.Seeds.InvalidColumnTypes(seedPath, "is not a mapping"));
                ok = false;
                break;
        }

        var quote = config.Get("quote_columns") is true or "true" or "True";
        return ok ? new SeedOptions { Delimiter = delimiter, ColumnTypes = types, QuoteColumns = quote } : null;
    }
}
