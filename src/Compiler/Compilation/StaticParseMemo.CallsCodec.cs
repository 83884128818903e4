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

        /// <summary>The record of <paramref name="file"/>: its path, package, text hash and <paramref name="calls"/>; null when a value is of a type not kept.</summary>
        public static byte[]? Write(SourceText file, string package, StaticParser.Calls calls)
        {
            var writer = RecordWriter.Rent();
            try
            {
                writer.Write(file.Path);
                writer.Write(package);
                writer.Write(file.Sha256);
                return Write(writer, file, calls) ? writer.ToArray() : null;
            }
            finally
            {
                writer.Return();
            }
        }

        private static bool Write(RecordWriter writer, SourceText file, StaticParser.Calls calls)
        {
            // Offsets only mean something in the model's own text: a parse render's ref made inside a macro is not kept.
            if (calls.Refs.Any(r => !IsIn(r.Span, file)) || calls.Sources.Any(s => !IsIn(s.Span, file))) return false;
            writer.Write(calls.IncrementalChecks);
            writer.Write(calls.Configs.Count);
            foreach (var (positional, named) in calls.Configs)
            {
                writer.Write(positional.Count);
                foreach (var value in positional)
                {
                    if (!WriteValue(writer, value)) return false;
                }
                writer.Write(named.Count);
                foreach (var (key, value) in named)
                {
                    writer.Write(key);
                    if (!WriteValue(writer, value)) return false;
                }
            }
            writer.Write(calls.Refs.Count);
            foreach (var reference in calls.Refs)
            {
                WriteOptional(writer, reference.Package);
                writer.Write(reference.Name);
                if (!WriteValue(writer, reference.Version?.Value)) return false;
                WriteSpan(writer, reference.Span);
            }
            writer.Write(calls.Sources.Count);
            foreach (var source in calls.Sources)
            {
                writer.Write(source.Source);
                writer.Write(source.Table);
                WriteSpan(writer, source.Span);
            }
            writer.Write(calls.Inputs is not null);
            if (calls.Inputs is null) return true;
            writer.Write(calls.Inputs.Count);
            foreach (var (key, fingerprint) in calls.Inputs)
            {
                writer.Write(key);
                writer.Write(fingerprint);
            }
            return true;
        }

        /// <summary>
        /// The calls of <paramref name="record"/> when it is <paramref name="file"/>'s with the same text and package; null when not.
        /// </summary>
        public static StaticParser.Calls? Read(ReadOnlySpan<byte> record, SourceText file, string package)
        {
            var reader = new RecordReader(record);
            if (!SameText(reader.ReadUtf8(), file.Path) || !SameText(reader.ReadUtf8(), package) || !SameText(reader.ReadUtf8(), file.Sha256)) return null;
            var calls = new StaticParser.Calls { IncrementalChecks = reader.ReadInt32() };
            for (var configs = reader.ReadCount(); configs > 0; configs--)
            {
                var positional = new List<object?>();
                for (var n = reader.ReadCount(); n > 0; n--) positional.Add(ReadValue(ref reader));
                var named = new List<KeyValuePair<string, object?>>();
                for (var n = reader.ReadCount(); n > 0; n--) named.Add(new(reader.ReadString(), ReadValue(ref reader)));
                calls.Configs.Add((positional, named));
            }
            for (var refs = reader.ReadCount(); refs > 0; refs--)
            {
                var refPackage = ReadOptional(ref reader);
                var name = reader.ReadString();
                var version = ReadValue(ref reader) is { } value ? NodeVersion.From(value) : null;
                calls.Refs.Add(new RefCall(refPackage, name, version, ReadSpan(ref reader, file)));
            }
            for (var sources = reader.ReadCount(); sources > 0; sources--)
            {
                var source = reader.ReadString();
                var table = reader.ReadString();
                calls.Sources.Add(new SourceCall(source, table, ReadSpan(ref reader, file)));
            }
            if (reader.ReadBoolean())
            {
                calls.Inputs = [];
                for (var inputs = reader.ReadCount(); inputs > 0; inputs--) calls.Inputs.Add(new(reader.ReadString(), reader.ReadString()));
            }
            if (!reader.AtEnd) throw new FormatException("trailing bytes in a static parse memo record");
            return calls;
        }

        // Exact types only: a subclass or another collection type (a var's YAML value) is not kept.
        private static bool WriteValue(RecordWriter writer, object? value)
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
                    return list.All(item => WriteValue(writer, item));
                case object?[] tuple when tuple.GetType() == typeof(object[]):
                    writer.WriteByte(Tuple);
                    writer.Write(tuple.Length);
                    return tuple.All(item => WriteValue(writer, item));
                case TemplateDict dict:
                    writer.WriteByte(Dict);
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

        private static object? ReadValue(ref RecordReader reader)
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
                    for (var i = 0; i < count; i++) list.Add(ReadValue(ref reader));
                    return list;
                case Tuple:
                    var tuple = new object?[reader.ReadCount()];
                    for (var i = 0; i < tuple.Length; i++) tuple[i] = ReadValue(ref reader);
                    return tuple;
                case Dict:
                    var entries = reader.ReadCount();
                    var dict = new TemplateDict(entries);
                    for (var i = 0; i < entries; i++)
                    {
                        var key = reader.ReadString();
                        dict.Set(key, ReadValue(ref reader));
                    }
                    return dict;
                default:
                    throw new FormatException("unknown value tag in a static parse memo entry");
            }
        }

        private static void WriteOptional(RecordWriter writer, string? text)
        {
            writer.Write(text is not null);
            if (text is not null) writer.Write(text);
        }

        private static string? ReadOptional(ref RecordReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

        // The template cache may hand back a template parsed from an equal text of an earlier load.
        private static bool IsIn(SourceSpan span, SourceText file) =>
            ReferenceEquals(span.Source, file) || (span.Source.Path == file.Path && span.Source.Text == file.Text);

        private static void WriteSpan(RecordWriter writer, SourceSpan span)
        {
            writer.Write(span.Start);
            writer.Write(span.Length);
        }

        private static SourceSpan ReadSpan(ref RecordReader reader, SourceText file)
        {
            var start = reader.ReadInt32();
            var length = reader.ReadInt32();
            if (start < 0 || length < 0 || start + length > file.Text.Length) throw new FormatException("a position outside the model's text");
            return new SourceSpan(file, start, length);
        }
    }
}
