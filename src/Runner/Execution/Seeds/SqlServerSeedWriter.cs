using System.Data;
using System.Data.Common;
using System.Data.SqlTypes;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ModelForge.Compiler.Seeds;
using ModelForge.Runner.Connections.SqlServer;

namespace ModelForge.Runner.Execution.Seeds;

/// <summary>
/// Loads a seed into SQL Server with SqlBulkCopy (through <see cref="SqlServerBulkLoader"/>).
/// Each column travels with the .NET type of its seed type, so the driver sends typed values and
/// the server never parses numbers or dates from text.
/// </summary>
internal sealed class SqlServerSeedWriter : ISeedWriter
{
    public static readonly SqlServerSeedWriter Instance = new();

    public long Write(DbConnection connection, string? database, string schema, string table, SeedFile seed)
    {
        using var rows = ToDataTable(seed);
        SqlServerBulkLoader.Write(connection, Destination(database, schema, table), rows);
        return seed.Rows.Count;
    }

    /// <summary><c>[db].[schema].[table]</c>, brackets doubled inside names.</summary>
    internal static string Destination(string? database, string schema, string table)
    {
        var name = Bracket(schema) + "." + Bracket(table);
        return string.IsNullOrEmpty(database) ? name : Bracket(database) + "." + name;
    }

    /// <summary>The seed as a table whose column types follow the seed's columns (see <see cref="ClrType"/>).</summary>
    internal static DataTable ToDataTable(SeedFile seed)
    {
        var data = new DataTable { Locale = CultureInfo.InvariantCulture };
        var converters = new Func<object, object>?[seed.Columns.Count];
        for (var i = 0; i < seed.Columns.Count; i++)
        {
            var column = seed.Columns[i];
            var type = ClrType(column);
            // Names can repeat when only their case differs in the CSV; positions are what the bulk copy maps.
            data.Columns.Add(new DataColumn($"c{i}", type) { AllowDBNull = true });
            converters[i] = type == typeof(DateTime) ? ToDateTime : type == typeof(SqlDecimal) ? ToSqlDecimal : null;
        }
        data.BeginLoadData();
        var values = new object[seed.Columns.Count];
        foreach (var row in seed.Rows)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var value = row[i];
                values[i] = value is null ? DBNull.Value : converters[i] is { } convert ? convert(value) : value;
            }
            data.Rows.Add(values);
        }
        data.EndLoadData();
        return data;
    }

    /// <summary>
    /// The .NET type a column's values are sent as. SqlClient 2.1 predates DateOnly, so dates go as
    /// DateTime; a DECIMAL wider than System.Decimal (kept as text by the seed reader) goes as
    /// SqlDecimal, which holds SQL Server's 38 digits; other types forge does not know go as text.
    /// </summary>
    // Annotated for NativeAOT: DataColumn keeps the public fields and properties of its type.
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    internal static Type ClrType(SeedColumn column) => column.Type switch
    {
        SeedType.Boolean => typeof(bool),
        SeedType.Integer => typeof(long),
        SeedType.Decimal => typeof(decimal),
        SeedType.Double => typeof(double),
        SeedType.Date or SeedType.Timestamp => typeof(DateTime),
        SeedType.Unknown when IsDecimalType(column.SqlType) => typeof(SqlDecimal),
        _ => typeof(string),
    };

    private static bool IsDecimalType(string sqlType)
    {
        var name = sqlType.TrimStart();
        return name.StartsWith("decimal", StringComparison.OrdinalIgnoreCase) || name.StartsWith("numeric", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("dec(", StringComparison.OrdinalIgnoreCase);
    }

    private static object ToDateTime(object value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        _ => value,
    };

    private static object ToSqlDecimal(object value) =>
        value is string text ? SqlDecimal.Parse(text.Trim()) : value;

    private static string Bracket(string name) => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";
}
