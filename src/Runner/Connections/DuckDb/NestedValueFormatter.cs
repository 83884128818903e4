using System.Globalization;
using System.Text;
using ModelForge.Runner.Connections.DuckDb.Native;

namespace ModelForge.Runner.Connections.DuckDb;

/// Renders LIST, ARRAY, STRUCT and MAP values the way DuckDB's cast to VARCHAR does
/// ([1, 2, NULL], {'a': 1, 'b': x}, {1=a}), walking child vectors instead of issuing a cast, so
/// the reader can hand them out as strings without rewriting the user's SQL.
internal static unsafe class NestedValueFormatter
{
    public static void Append(StringBuilder text, ColumnType type, nint vector, ulong row)
    {
        var data = NativeMethods.duckdb_vector_get_data(vector);
        switch (type.Id)
        {
            case DuckDbType.List:
            {
                var (offset, length) = ListEntry(data, row);
                var child = NativeMethods.duckdb_list_vector_get_child(vector);
                text.Append('[');
                AppendItems(text, type.Children[0], child, offset, length);
                text.Append(']');
                break;
            }

            case DuckDbType.Array:
            {
                var child = NativeMethods.duckdb_array_vector_get_child(vector);
                text.Append('[');
                AppendItems(text, type.Children[0], child, row * type.ArraySize, type.ArraySize);
                text.Append(']');
                break;
            }

            case DuckDbType.Map:
            {
                // A MAP is a LIST of STRUCT(key, value).
                var (offset, length) = ListEntry(data, row);
                var entries = NativeMethods.duckdb_list_vector_get_child(vector);
                var keys = NativeMethods.duckdb_struct_vector_get_child(entries, 0);
                var values = NativeMethods.duckdb_struct_vector_get_child(entries, 1);
                text.Append('{');
                for (var i = 0ul; i < length; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    AppendElement(text, type.Children[0], keys, offset + i);
                    text.Append('=');
                    AppendElement(text, type.Children[1], values, offset + i);
                }

                text.Append('}');
                break;
            }

            case DuckDbType.Struct:
                text.Append('{');
                for (var i = 0; i < type.Children.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    text.Append('\'').Append(type.ChildNames[i].Replace("'", "''")).Append("': ");
                    AppendElement(text, type.Children[i], NativeMethods.duckdb_struct_vector_get_child(vector, (ulong)i), row);
                }

                text.Append('}');
                break;
        }
    }

    private static (ulong Offset, ulong Length) ListEntry(void* data, ulong row)
    {
        var entry = (ulong*)data + (row * 2);
        return (entry[0], entry[1]);
    }

    private static void AppendItems(StringBuilder text, ColumnType type, nint child, ulong offset, ulong length)
    {
        for (var i = 0ul; i < length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            AppendElement(text, type, child, offset + i);
        }
    }

    private static void AppendElement(StringBuilder text, ColumnType type, nint vector, ulong row)
    {
        if (!VectorReader.IsValid(NativeMethods.duckdb_vector_get_validity(vector), row))
        {
            text.Append("NULL");
        }
        else if (type.IsNested)
        {
            Append(text, type, vector, row);
        }
        else
        {
            text.Append(FormatScalar(VectorReader.Read(type, vector, NativeMethods.duckdb_vector_get_data(vector), row)));
        }
    }

    private static string FormatScalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime timestamp => FormatTimestamp(timestamp),
        TimeSpan time => Temporal.FormatTime(time),
        Guid guid => guid.ToString("D"),
        byte[] bytes => FormatBlob(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FormatTimestamp(DateTime value)
    {
        var text = value.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return value.Kind == DateTimeKind.Utc ? text + "+00" : text;
    }

    private static string FormatBlob(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 32 and < 127 and not (byte)'\\' and not (byte)'\'')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
