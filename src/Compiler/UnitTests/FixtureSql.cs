using System.Text;
using ModelForge.Compiler.Targets;

namespace ModelForge.Compiler.UnitTests;

/// <summary>
/// The SELECT that stands in for an input: every column of the upstream, each value a string
/// literal cast to the upstream column's type (so <c>'2024-01-01'</c> is a date where the column is
/// one), and NULL of that type for columns the rows leave out. Same text on every target but for
/// the literal and quoting the target's <see cref="TargetSql"/> writes.
/// </summary>
internal static class FixtureSql
{
    /// <param name="columns">The upstream's columns and SQL types, in order.</param>
    /// <param name="rows">The given rows (columns a subset of <paramref name="columns"/>, any case); null or empty gives no rows.</param>
    public static string Select(TargetSql sql, IReadOnlyList<TypedColumn> columns, FixtureRows? rows)
    {
        var text = new StringBuilder();
        if (rows is null || rows.Rows.Count == 0)
        {
            AppendRow(text, sql, columns, _ => null);
            // A typed, empty input: the columns are there, no row is.
            return text.Append(" where 1 = 0").ToString();
        }
        var index = columns.Select(c => IndexOf(rows.Columns, c.Name)).ToArray();
        for (var r = 0; r < rows.Rows.Count; r++)
        {
            if (r > 0) text.Append("\nunion all\n");
            var row = rows.Rows[r];
            AppendRow(text, sql, columns, c => index[c] < 0 ? null : row[index[c]]);
        }
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, TargetSql sql, IReadOnlyList<TypedColumn> columns, Func<int, string?> value)
    {
        text.Append("select ");
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0) text.Append(", ");
            var v = value(c);
            if (columns[c].Type is { } type)
                text.Append("cast(").Append(v is null ? "null" : sql.Literal(v)).Append(" as ").Append(type).Append(')');
            else
                text.Append(v is null ? "null" : IsNumber(v) ? v : sql.Literal(v));
            text.Append(" as ").Append(sql.Quote(columns[c].Name));
        }
    }

    /// <summary>Untyped values: what YAML wrote as a number stays a number.</summary>
    private static bool IsNumber(string text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out _) && !(text.Length > 1 && text[0] == '0' && text[1] != '.');

    /// <summary>Columns of rows whose upstream types are unknown.</summary>
    public static IReadOnlyList<TypedColumn> Untyped(FixtureRows rows) => rows.Columns.Select(c => new TypedColumn(c, null)).ToList();

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }
}
