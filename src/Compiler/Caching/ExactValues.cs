using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Caching;

/// <summary>
/// Template values in cache records, tagged with their exact runtime types so that what is read back
/// renders and fingerprints as the original: none, string, long, double, bool, list, tuple, a template
/// dict and a YAML mapping (an ordinal dictionary). Anything else (a subclass, another collection, an
/// object) is refused: the caller then keeps no record.
/// </summary>
internal static class ExactValues
{
    private const byte None = 0, Text = 1, Whole = 2, Number = 3, Flag = 4, List = 5, Tuple = 6, Dict = 7, Mapping = 8;

    /// <summary>Writes <paramref name="value"/>; false when it holds a type not kept (the record is then unusable).</summary>
    public static bool Write(RecordWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteByte(None);
                return true;
            case string text:
                writer.WriteByte(Text);
                writer.Write(text);
                return true;
            case long whole:
                writer.WriteByte(Whole);
                writer.Write(whole);
                return true;
            case double number:
                writer.WriteByte(Number);
                writer.Write(number);
                return true;
            case bool flag:
                writer.WriteByte(Flag);
                writer.Write(flag);
                return true;
            case List<object?> list when list.GetType() == typeof(List<object?>):
                writer.WriteByte(List);
                writer.Write(list.Count);
                return WriteEach(writer, list);
            case object?[] tuple when tuple.GetType() == typeof(object[]):
                writer.WriteByte(Tuple);
                writer.Write(tuple.Length);
                return WriteEach(writer, tuple);
            case TemplateDict dict:
                writer.WriteByte(Dict);
                writer.Write(dict.Count);
                foreach (var (key, item) in dict)
                {
                    // Only string keys read back as themselves (a var's dict may have others).
                    if (!dict.TryGet((object)key, out _)) return false;
                    writer.Write(key);
                    if (!Write(writer, item)) return false;
                }
                return true;
            // YAML's mappings (YamlValues): insertion-ordered, ordinal keys.
            case Dictionary<string, object?> mapping when mapping.GetType() == typeof(Dictionary<string, object?>) && mapping.Comparer == StringComparer.Ordinal:
                writer.WriteByte(Mapping);
                writer.Write(mapping.Count);
                foreach (var (key, item) in mapping)
                {
                    writer.Write(key);
                    if (!Write(writer, item)) return false;
                }
                return true;
            default:
                return false;
        }
    }

    // A loop, not All(item => Write(writer, item)): that lambda's closure was allocated on every call of Write, strings
    // included (~4 MB at 10,000 models, writing the delta snapshot).
    private static bool WriteEach(RecordWriter writer, IEnumerable<object?> items)
    {
        foreach (var item in items)
        {
            if (!Write(writer, item)) return false;
        }
        return true;
    }

    /// <summary>Reads what <see cref="Write"/> wrote; FormatException when malformed.</summary>
    public static object? Read(ref RecordReader reader)
    {
        switch (reader.ReadByte())
        {
            case None: return null;
            case Text: return reader.ReadString();
            case Whole: return reader.ReadInt64();
            case Number: return reader.ReadDouble();
            case Flag: return reader.ReadBoolean();
            case List:
                var count = reader.ReadCount();
                var list = new List<object?>(count);
                for (var i = 0; i < count; i++) list.Add(Read(ref reader));
                return list;
            case Tuple:
                var tuple = new object?[reader.ReadCount()];
                for (var i = 0; i < tuple.Length; i++) tuple[i] = Read(ref reader);
                return tuple;
            case Dict:
                var entries = reader.ReadCount();
                var dict = new TemplateDict(entries);
                for (var i = 0; i < entries; i++)
                {
                    var key = reader.ReadString();
                    dict.Set(key, Read(ref reader));
                }
                return dict;
            case Mapping:
                var size = reader.ReadCount();
                var mapping = new Dictionary<string, object?>(size, StringComparer.Ordinal);
                for (var i = 0; i < size; i++)
                {
                    var key = reader.ReadString();
                    mapping[key] = Read(ref reader);
                }
                return mapping;
            default:
                throw new FormatException("unknown value tag in a cache record");
        }
    }
}
