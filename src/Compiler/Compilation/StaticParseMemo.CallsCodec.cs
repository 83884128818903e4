using System.Text;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Compilation;

internal sealed partial class StaticParseMemo
{
    /// <summary>
    /// A <see cref="StaticParser.Calls"/> as bytes: values tagged with their exact runtime types, so that
    /// what is read back records the same config a fresh parse does; positions as offsets into the model's text.
    /// </summary>
    private static class CallsCodec
    {
        private const byte None = 0, Text = 1, Whole = 2, Number = 3, Flag = 4, List = 5, Tuple = 6, Dict = 7;

        /// <summary>The bytes of <paramref name="calls"/>; null when a value is of a type not kept.</summary>
        public static byte[]? Write(StaticParser.Calls calls)
        {
            using var stream = new MemoryStream(256);
            using var writer = new BinaryWriter(stream, Encoding.UTF8);
            writer.Write(calls.IncrementalChecks);
            writer.Write(calls.Configs.Count);
            foreach (var (positional, named) in calls.Configs)
            {
                writer.Write(positional.Count);
                foreach (var value in positional)
                {
                    if (!WriteValue(writer, value)) return null;
                }
                writer.Write(named.Count);
                foreach (var (key, value) in named)
                {
                    writer.Write(key);
                    if (!WriteValue(writer, value)) return null;
                }
            }
            writer.Write(calls.Refs.Count);
            foreach (var reference in calls.Refs)
            {
                WriteOptional(writer, reference.Package);
                writer.Write(reference.Name);
                if (!WriteValue(writer, reference.Version?.Value)) return null;
                WriteSpan(writer, reference.Span);
            }
            writer.Write(calls.Sources.Count);
            foreach (var source in calls.Sources)
            {
                writer.Write(source.Source);
                writer.Write(source.Table);
                WriteSpan(writer, source.Span);
            }
            writer.Flush();
            return stream.ToArray();
        }

        public static StaticParser.Calls Read(byte[] payload, SourceText file)
        {
            using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
            var calls = new StaticParser.Calls { IncrementalChecks = reader.ReadInt32() };
            for (var configs = reader.ReadInt32(); configs > 0; configs--)
            {
                var positional = new List<object?>();
                for (var n = reader.ReadInt32(); n > 0; n--) positional.Add(ReadValue(reader));
                var named = new List<KeyValuePair<string, object?>>();
                for (var n = reader.ReadInt32(); n > 0; n--) named.Add(new(reader.ReadString(), ReadValue(reader)));
                calls.Configs.Add((positional, named));
            }
            for (var refs = reader.ReadInt32(); refs > 0; refs--)
            {
                var package = ReadOptional(reader);
                var name = reader.ReadString();
                var version = ReadValue(reader) is { } value ? NodeVersion.From(value) : null;
                calls.Refs.Add(new RefCall(package, name, version, ReadSpan(reader, file)));
            }
            for (var sources = reader.ReadInt32(); sources > 0; sources--)
            {
                var source = reader.ReadString();
                var table = reader.ReadString();
                calls.Sources.Add(new SourceCall(source, table, ReadSpan(reader, file)));
            }
            if (reader.BaseStream.Position != payload.Length) throw new FormatException("trailing bytes in a static parse memo entry");
            return calls;
        }

        // Exact types only: a subclass or another collection type (a var's YAML value) is not kept.
        private static bool WriteValue(BinaryWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.Write(None);
                    return true;
                case string text:
                    writer.Write(Text);
                    writer.Write(text);
                    return true;
                case long whole:
                    writer.Write(Whole);
                    writer.Write(whole);
                    return true;
                case double number:
                    writer.Write(Number);
                    writer.Write(number);
                    return true;
                case bool flag:
                    writer.Write(Flag);
                    writer.Write(flag);
                    return true;
                case List<object?> list when list.GetType() == typeof(List<object?>):
                    writer.Write(List);
                    writer.Write(list.Count);
                    return list.All(item => WriteValue(writer, item));
                case object?[] tuple when tuple.GetType() == typeof(object[]):
                    writer.Write(Tuple);
                    writer.Write(tuple.Length);
                    return tuple.All(item => WriteValue(writer, item));
                case TemplateDict dict:
                    writer.Write(Dict);
                    writer.Write(dict.Count);
                    foreach (var (key, item) in dict)
                    {
                        // Only string keys read back as themselves (a var's dict may have others).
                        if (!dict.TryGet((object)key, out _)) return false;
                        writer.Write(key);
                        if (!WriteValue(writer, item)) return false;
                    }
                    return true;
                default:
                    return false;
            }
        }

        private static object? ReadValue(BinaryReader reader)
        {
            switch (reader.ReadByte())
            {
                case None: return null;
                case Text: return reader.ReadString();
                case Whole: return reader.ReadInt64();
                case Number: return reader.ReadDouble();
                case Flag: return reader.ReadBoolean();
                case List:
                    var count = reader.ReadInt32();
                    var list = new List<object?>(count);
                    for (var i = 0; i < count; i++) list.Add(ReadValue(reader));
                    return list;
                case Tuple:
                    var tuple = new object?[reader.ReadInt32()];
                    for (var i = 0; i < tuple.Length; i++) tuple[i] = ReadValue(reader);
                    return tuple;
                case Dict:
                    var entries = reader.ReadInt32();
                    var dict = new TemplateDict(entries);
                    for (var i = 0; i < entries; i++)
                    {
                        var key = reader.ReadString();
                        dict.Set(key, ReadValue(reader));
                    }
                    return dict;
                default:
                    throw new FormatException("unknown value tag in a static parse memo entry");
            }
        }

        private static void WriteOptional(BinaryWriter writer, string? text)
        {
            writer.Write(text is not null);
            if (text is not null) writer.Write(text);
        }

        private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

        private static void WriteSpan(BinaryWriter writer, SourceSpan span)
        {
            writer.Write(span.Start);
            writer.Write(span.Length);
        }

        private static SourceSpan ReadSpan(BinaryReader reader, SourceText file)
        {
            var start = reader.ReadInt32();
            var length = reader.ReadInt32();
            if (start < 0 || length < 0 || start + length > file.Text.Length) throw new FormatException("a position outside the model's text");
            return new SourceSpan(file, start, length);
        }
    }
}
