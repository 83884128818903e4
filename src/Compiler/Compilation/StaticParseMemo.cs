using System.Collections.Concurrent;
using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// What the static parser found in each model, kept in target/ between runs: a model whose text
/// (SHA-256), package and project fingerprint (<see cref="Stamp"/>) are unchanged gets its config()
/// calls, refs, sources and is_incremental() checks from here, with no template parse. Models the
/// static parser handled are kept (their templates parsed without errors), and parse renders with
/// what they read (StaticParseMemo.Renders.cs). Values are kept with their types (string, long, double, bool,
/// none, list, tuple, dict); an entry holding anything else is not kept.
/// </summary>
internal sealed partial class StaticParseMemo
{
    public const string FileName = "forge_static_parse.bin";
    private const string Magic = "forge-static-parse";
    private const int Format = 3;

    private readonly string? _path;
    private readonly string _stamp;
    // Each model's record (path, package, text hash, calls), by path: slices of the file as read, arrays when found now.
    private readonly Dictionary<string, Kept> _previous;
    private readonly ConcurrentDictionary<string, Kept> _current;
    private int _reused;
    private bool _changed;

    private StaticParseMemo(string? path, string stamp, Dictionary<string, Kept> previous, int models = 0)
    {
        _path = path;
        _stamp = stamp;
        _previous = previous;
        // Sized for the records read, or for every model when there are none (a cold compile): a growing
        // ConcurrentDictionary takes every lock to resize, which the parallel parse threads then wait on
        // (10,000 models: ~10 resizes in the phase); and with more locks than threads (the default is one
        // per core) two adds seldom wait on the same one.
        _current = new ConcurrentDictionary<string, Kept>(Math.Max(64, Environment.ProcessorCount),
            Math.Max(31, Math.Max(previous.Count, models)), StringComparer.Ordinal);
    }

    /// <summary>None kept and none saved (no target directory, or the static parser is off).</summary>
    public static StaticParseMemo None { get; } = new(null, "", new Dictionary<string, Kept>());

    /// <summary>Whether records are kept (a target directory, a project whose values all fingerprint).</summary>
    public bool Keeps => _path is not null && _stamp.Length > 0;

    /// <summary>How many models took their parse result from the memo.</summary>
    public int Reused => _reused;

    /// <summary>
    /// The memo at <paramref name="path"/> when it was written with the same <paramref name="stamp"/>; an empty one
    /// otherwise. <paramref name="models"/> (the project's model files) sizes the table this compile's records go to.
    /// </summary>
    public static StaticParseMemo Load(string path, string stamp, int models) =>
        new(path, stamp, CacheFile.TryRead(path, Magic, Format, stamp, ReadRecords) ?? new Dictionary<string, Kept>(StringComparer.Ordinal), models);

    /// <summary>
    /// Everything besides a model's own text that the static parser's answer depends on: the forge
    /// build, the packages, vars, the names shared by every render, every macro's package and name
    /// (which function or macro a call finds) and the signature of each macro the static parser may
    /// step over (<see cref="StaticParser.IsPure"/>). A pure macro's body text is not part of it: the
    /// parse render throws its output away, so an edit that leaves it pure with the same parameters
    /// (or a comment beside it) keeps the memo.
    /// </summary>
    public static string Stamp(Project.LoadedProject project, Context.ProjectRenderInfo info)
    {
        var parts = new List<string?>
        {
            typeof(StaticParseMemo).Assembly.ManifestModule.ModuleVersionId.ToString(),
            info.ProjectName, info.Target.Type, info.Target.Schema,
            Context.ValueFingerprint.Of(info.Vars), Context.ValueFingerprint.Of(info.CliVars),
            info.Macros.NamesFingerprint,
            string.Join(",", project.WithPackages.Select(unit => unit.Name)),
            string.Join(",", info.Shared.Values.Keys.Order(StringComparer.Ordinal)),
        };
        // Keys sorted as strings, not pairs ordered by key: no LINQ instantiation over KeyValuePair to compile at run time.
        var packages = info.PackageVars.Keys.ToArray();
        Array.Sort(packages, StringComparer.Ordinal);
        foreach (var package in packages) parts.Add(package + "=" + Context.ValueFingerprint.Of(info.PackageVars[package]));
        foreach (var package in info.Macros.Packages.Order(StringComparer.Ordinal))
        {
            foreach (var name in info.Macros.NamesIn(package).Order(StringComparer.Ordinal))
            {
                if (info.Macros.FindInPackage(package, name) is Templating.TemplateMacro { Definition: var definition } && StaticParser.IsPure(definition))
                    parts.Add($"pure {package}.{name}({string.Join(",", definition.Parameters.Select(p => p.Name))})");
            }
        }
        // A value with no fingerprint (an object in vars) could change unseen: no memo then.
        return parts.Contains(null) ? "" : ContentHash.OfLines(parts.ToArray()!);
    }

    /// <summary>What <paramref name="calls"/> found, without positions (<see cref="CallsCodec.Shape"/>): equal for texts that parse to the same config, refs and sources.</summary>
    public static byte[]? ShapeOf(StaticParser.Calls calls) => CallsCodec.Shape(calls);

    /// <summary>The calls kept for <paramref name="file"/>, with their positions in its text; false when its text or package differ.</summary>
    public bool TryGet(SourceText file, string package, out StaticParser.Calls calls)
    {
        calls = null!;
        if (_path is null || _stamp.Length == 0 || !_previous.TryGetValue(file.Path, out var record)) return false;
        try
        {
            if (CallsCodec.Read(record.Bytes.Span, file, package) is not { } found) return false;
            calls = found;
        }
        catch (FormatException)
        {
            return false;
        }
        _current[file.Path] = record;
        Interlocked.Increment(ref _reused);
        return true;
    }

    /// <summary>Keeps what the static parser found in <paramref name="file"/> (before the config() values are recorded anywhere).</summary>
    public void Store(SourceText file, string package, StaticParser.Calls calls)
    {
        if (_path is null || _stamp.Length == 0 || CallsCodec.Write(file, package, calls) is not { } record) return;
        _current[file.Path] = new Kept(record);
        _changed = true;
    }

    /// <summary>Writes the records this compile used or found, unless they are exactly the ones read.</summary>
    public void Save()
    {
        if (_path is null || _stamp.Length == 0 || (!_changed && _current.Count == _previous.Count)) return;
        CacheFile.TryWrite(_path, Magic, Format, _stamp, writer =>
        {
            writer.Write(_current.Count);
            foreach (var entry in _current)
            {
                var record = entry.Value.Bytes;
                writer.Write(record.Length);
                writer.Write(record.Span);
            }
        });
    }

    // Each record's path is read to key it; the rest is read only for a model that asks (TryGet).
    private static Dictionary<string, Kept> ReadRecords(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var records = new Dictionary<string, Kept>(Math.Max(0, Math.Min(count, 1 << 20)), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = CacheFile.Slice(reader, reader.ReadInt32());
            try
            {
                records[new RecordReader(record.Span).ReadString()] = new Kept(record);
            }
            catch (FormatException)
            {
                throw new EndOfStreamException("a damaged static parse memo");
            }
        }
        return records;
    }

    /// <summary>
    /// One model's record. A class around the bytes rather than the bytes as the tables' values: framework tables over a
    /// value of a struct type have no precompiled code (~20 methods JIT-compiled on every run), tables of classes do.
    /// </summary>
    private sealed class Kept(ReadOnlyMemory<byte> bytes)
    {
        public ReadOnlyMemory<byte> Bytes { get; } = bytes;
    }
}
