namespace ModelForge.Compiler.Targets.SqlServer;

// Contract types written without length or precision. In T-SQL DDL a bare decimal is decimal(18,0)
// (12.34 is stored as 12 without an error), bare char/binary are length 1 (the insert fails with
// 2628), and the portable varchar spellings would become nvarchar(max), which cannot be a key.
// The query's described type supplies what the contract left out; the declared family is kept
// unless that would lose data (a varchar contract over an nvarchar query stays Unicode).
public sealed partial class SqlServerSql
{
    private static readonly HashSet<string> Decimals = new(StringComparer.Ordinal) { "decimal", "numeric", "dec" };

    private static readonly HashSet<string> VariableText = new(StringComparer.Ordinal)
    {
        "varchar", "nvarchar", "character varying", "string", "text", "ntext",
    };

    private static readonly HashSet<string> FixedText = new(StringComparer.Ordinal) { "char", "nchar", "character" };

    private static readonly HashSet<string> Binary = new(StringComparer.Ordinal) { "binary", "varbinary" };

    public override string ContractColumnType(string declared, string? described)
    {
        var text = declared.Trim();
        if (described is null || text.Contains('(')) return declared;
        var name = BareName(text);
        var (family, arguments) = Split(described);
        if (arguments is null) return declared;
        if (Decimals.Contains(name))
            return family is "decimal" or "numeric" ? $"{name}({arguments})" : declared;
        var describedText = family is "varchar" or "nvarchar" or "char" or "nchar";
        var unicode = family is "nvarchar" or "nchar" || name is "nvarchar" or "nchar" or "ntext";
        if (VariableText.Contains(name) && describedText)
            return $"{(unicode ? "nvarchar" : "varchar")}({arguments})";
        if (FixedText.Contains(name) && describedText)
            return arguments == "max" ? $"{(unicode ? "nvarchar" : "varchar")}(max)" : $"{(unicode ? "nchar" : "char")}({arguments})";
        if (Binary.Contains(name) && family is "binary" or "varbinary")
            return name == "binary" && arguments != "max" ? $"binary({arguments})" : $"varbinary({arguments})";
        return declared;
    }

    /// <summary>True for a contract type whose precision and scale T-SQL would default to (18,0).</summary>
    public static bool IsDecimalWithoutPrecision(string declared)
    {
        var text = declared.Trim();
        return !text.Contains('(') && Decimals.Contains(BareName(text));
    }

    private static string BareName(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    // "decimal(10,2)" -> ("decimal", "10,2"); "nvarchar(max)" -> ("nvarchar", "max"); "int" -> ("int", null).
    private static (string Family, string? Arguments) Split(string type)
    {
        var text = type.Trim();
        var open = text.IndexOf('(');
        if (open < 0 || !text.EndsWith(')')) return (BareName(text), null);
        return (BareName(text[..open]), text[(open + 1)..^1].Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
    }
}
