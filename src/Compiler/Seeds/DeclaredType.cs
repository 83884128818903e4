using System.Globalization;

namespace ModelForge.Compiler.Seeds;

/// <summary>
/// A type from <c>column_types</c>. The text goes to the database as written; what forge
/// understands of it lets every value be checked (with its position) before anything is loaded.
/// Types forge does not know (<see cref="SeedType.Unknown"/>) pass values as text for the database
/// to cast.
/// </summary>
/// <param name="Text">As written in the config, trimmed: the column's SQL type.</param>
/// <param name="Kind">The family forge checks values against.</param>
/// <param name="Min">Smallest integer the type holds.</param>
/// <param name="Max">Largest integer the type holds.</param>
/// <param name="Precision">DECIMAL digits; 0 when the type gives none (the database's default applies).</param>
/// <param name="Scale">DECIMAL digits after the point.</param>
/// <param name="MaxLength">Longest text; 0 when unbounded.</param>
internal sealed record DeclaredType(string Text, SeedType Kind, long Min = 0, long Max = 0, int Precision = 0, int Scale = 0, int MaxLength = 0)
{
    /// <summary>The type as shown in errors: DECIMAL(10,2).</summary>
    public string Display => Text.ToUpperInvariant();

    public static DeclaredType Parse(string text)
    {
        text = text.Trim();
        var open = text.IndexOf('(');
        var name = string.Join(' ', (open < 0 ? text : text[..open]).ToLowerInvariant()
            .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var args = open >= 0 && text.EndsWith(')') ? text[(open + 1)..^1].Split(',') : [];
        if (open >= 0 && args.Length == 0) return new DeclaredType(text, SeedType.Unknown);

        return name switch
        {
            "boolean" or "bool" or "logical" or "bit" => new(text, SeedType.Boolean),
            "bigint" or "int8" or "long" or "int64" => Integer(text, long.MinValue, long.MaxValue),
            "integer" or "int" or "int4" or "signed" or "int32" => Integer(text, int.MinValue, int.MaxValue),
            "smallint" or "int2" or "short" or "int16" => Integer(text, short.MinValue, short.MaxValue),
            // DuckDB's TINYINT is signed, SQL Server's unsigned: check the union, the database checks the rest.
            "tinyint" or "int1" => Integer(text, sbyte.MinValue, byte.MaxValue),
            "decimal" or "numeric" or "dec" => Decimal(text, args),
            "double" or "double precision" or "float" or "float8" or "real" or "float4" => new(text, SeedType.Double),
            "date" => new(text, SeedType.Date),
            "timestamp" or "datetime" or "datetime2" or "smalldatetime" or "timestamp without time zone" => new(text, SeedType.Timestamp),
            "varchar" or "nvarchar" or "char" or "nchar" or "character varying" or "character" or "string" or "text" or "ntext" or "bpchar"
                => TextType(text, args),
            _ => new(text, SeedType.Unknown),
        };
    }

    private static DeclaredType Integer(string text, long min, long max) => new(text, SeedType.Integer, min, max);

    private static DeclaredType Decimal(string text, string[] args)
    {
        if (args.Length == 0) return new(text, SeedType.Decimal);
        if (args.Length > 2 || !TryInt(args[0], out var precision) || precision < 1) return new(text, SeedType.Unknown);
        var scale = 0;
        if (args.Length == 2 && (!TryInt(args[1], out scale) || scale > precision)) return new(text, SeedType.Unknown);
        return new(text, SeedType.Decimal, Precision: precision, Scale: scale);
    }

    private static DeclaredType TextType(string text, string[] args)
    {
        if (args.Length == 1 && TryInt(args[0], out var length) && length > 0) return new(text, SeedType.Text, MaxLength: length);
        return new(text, SeedType.Text);
    }

    private static bool TryInt(string s, out int value) =>
        int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
