using System.Data.Common;
using System.Globalization;

namespace ModelForge.Runner.Execution.UnitTests;

/// <summary>
/// Runs a query and reads the named columns of every row as text, the same way for expected and
/// actual rows (both come back with the same types), so comparing text compares values.
/// </summary>
internal static class ResultRows
{
    public static List<IReadOnlyList<string?>> Read(DbConnection connection, string query, IReadOnlyList<string> columns)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var ordinals = columns.Select(c => Ordinal(reader, c)).ToArray();
        var rows = new List<IReadOnlyList<string?>>();
        while (reader.Read())
        {
            var row = new string?[ordinals.Length];
            for (var i = 0; i < ordinals.Length; i++) row[i] = reader.IsDBNull(ordinals[i]) ? null : Text(reader.GetValue(ordinals[i]));
            rows.Add(row);
        }
        return rows;
    }

    private static int Ordinal(DbDataReader reader, string column)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (string.Equals(reader.GetName(i), column, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new InvalidOperationException($"column '{column}' is not in the result");
    }

    /// <summary>A value as a reader of the diff expects to see it: dates without a midnight time, invariant numbers.</summary>
    internal static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
