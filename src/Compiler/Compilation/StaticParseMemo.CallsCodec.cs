using ModelForge.Compiler.Caching;
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

        /// <summary>
        /// What a static parse found, without positions, path or text hash: two texts whose shapes are equal give
        /// their model the same config, refs and sources. Null for a parse render's calls or a value not kept.
        /// </summary>
        public static byte[]? Shape(StaticParser.Calls calls)
        {
            if (calls.Inputs is not null) return null;
            var writer = RecordWriter.Rent();
            try
            {
                return Write(writer, null, calls) ? writer.ToArray() : null;
            }
            finally
            {
                writer.Return();
            }
        }

        // Without a file: no positions (a shape).
        private static bool Write(RecordWriter writer, SourceText? file, StaticParser.Calls calls)
        {
            // Offsets only mean something in the model's own text: a parse render's ref made inside a macro is not kept.
            if (file is not null && (calls.Refs.Any(r => !IsIn(r.Span, file)) || calls.Sources.Any(s => !IsIn(s.Span, file)))) return false;
            writer.Write(calls.IncrementalChecks);
            writer.Write(calls.Configs.Count);
            foreach (var (positional, named) in calls.Configs)
            {
                writer.Write(positional.Count);
                foreach (var value in positional)
                {
                    if (!ExactValues.Write(writer, value)) return false;
                }
                writer.Write(named.Count);
                foreach (var (key, value) in named)
                {
                    writer.Write(key);
                    if (!ExactValues.Write(writer, value)) return false;
                }
            }
            // Indexed: the lists are read through their interface, whose foreach would allocate an enumerator.
            var refs = calls.Refs;
            writer.Write(refs.Count);
            for (var i = 0; i < refs.Count; i++)
            {
                var reference = refs[i];
                WriteOptional(writer, reference.Package);
                writer.Write(reference.Name);
                if (!ExactValues.Write(writer, reference.Version?.Value)) return false;
                if (file is not null) WriteSpan(writer, reference.Span);
            }
            var sources = calls.Sources;
            writer.Write(sources.Count);
            for (var i = 0; i < sources.Count; i++)
            {
                var source = sources[i];
                writer.Write(source.Source);
                writer.Write(source.Table);
                if (file is not null) WriteSpan(writer, source.Span);
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
            if (!RecordText.SameText(reader.ReadUtf8(), file.Path) || !RecordText.SameText(reader.ReadUtf8(), package) || !RecordText.SameText(reader.ReadUtf8(), file.Sha256)) return null;
            var calls = new StaticParser.Calls { IncrementalChecks = reader.ReadInt32() };
            for (var configs = reader.ReadCount(); configs > 0; configs--)
            {
                var positional = new List<object?>();
                for (var n = reader.ReadCount(); n > 0; n--) positional.Add(ExactValues.Read(ref reader));
                var named = new List<KeyValuePair<string, object?>>();
                for (var n = reader.ReadCount(); n > 0; n--) named.Add(new(reader.ReadString(), ExactValues.Read(ref reader)));
                calls.Configs.Add((positional, named));
            }
            for (var refs = reader.ReadCount(); refs > 0; refs--)
            {
                var refPackage = ReadOptional(ref reader);
                var name = reader.ReadString();
                var version = ExactValues.Read(ref reader) is { } value ? NodeVersion.From(value) : null;
                calls.Add(new RefCall(refPackage, name, version, ReadSpan(ref reader, file)));
            }
            for (var sources = reader.ReadCount(); sources > 0; sources--)
            {
                var source = reader.ReadString();
                var table = reader.ReadString();
                calls.Add(new SourceCall(source, table, ReadSpan(ref reader, file)));
            }
            if (reader.ReadBoolean())
            {
                calls.Inputs = [];
                for (var inputs = reader.ReadCount(); inputs > 0; inputs--) calls.Inputs.Add(new(reader.ReadString(), reader.ReadString()));
            }
            if (!reader.AtEnd) throw new FormatException("trailing bytes in a static parse memo record");
            return calls;
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
