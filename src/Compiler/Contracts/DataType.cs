using System.Text;

namespace ModelForge.Compiler.Contracts;

/// <summary>
/// A data type reduced for comparison: a canonical lower-case name (aliases folded:
/// <c>int4</c> → <c>integer</c>) and its parameters without spaces (<c>10,2</c>), empty when none.
/// </summary>
public sealed record DataType(string Name, string Parameters)
{
    /// <summary>
    /// Whether a column of type <paramref name="actual"/> satisfies this declared type. Names must be
    /// equal; parameters only count when both sides have them, because a declared <c>decimal</c>
    /// accepts any precision (as dbt does) and DuckDB reports <c>varchar(20)</c> as plain VARCHAR.
    /// </summary>
    public bool Accepts(DataType actual) =>
        Name == actual.Name && (Parameters.Length == 0 || actual.Parameters.Length == 0 || Parameters == actual.Parameters);

    public override string ToString() => Parameters.Length == 0 ? Name : $"{Name}({Parameters})";

    /// <summary>Splits <c>DECIMAL (10, 2)</c> into a lower-case, single-spaced name and its parameters, then folds the name with <paramref name="aliases"/>.</summary>
    public static DataType Parse(string text, IReadOnlyDictionary<string, string> aliases)
    {
        var trimmed = text.Trim();
        var open = trimmed.IndexOf('(');
        // Nested types (integer[], struct(a integer), map(varchar, integer)) keep their shape, only normalised.
        var isParameterised = open > 0 && trimmed.EndsWith(')') && trimmed.IndexOf('(', open + 1) < 0 && !trimmed.Contains('[');
        var name = Collapse(isParameterised ? trimmed[..open] : trimmed);
        var parameters = isParameterised ? Collapse(trimmed[(open + 1)..^1]).Replace(" ", "", StringComparison.Ordinal) : "";
        if (name is "struct" or "map" or "union" && isParameterised) return new DataType(Collapse(trimmed), "");
        // nvarchar(max) and varchar(max) carry no comparable length.
        if (parameters == "max") parameters = "";
        return new DataType(aliases.TryGetValue(name, out var canonical) ? canonical : name, parameters);
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
