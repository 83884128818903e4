using System.Collections;
using System.Collections.Concurrent;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Context.Functions;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Parse renders in the memo. A model the static parser cannot handle is rendered with its reads
/// recorded (<see cref="RenderInputs"/>, as the compile cache records execute renders) and its config()
/// arguments copied as they are passed; the record holds while every read reads the same again
/// (<see cref="InputCheck"/>) for the same node. A render that read anything unrecordable, stopped on
/// an undefined name, made a ref inside a macro file, passed a value of a type not kept, or whose final
/// config the replay would not give back exactly, is not kept.
/// </summary>
internal sealed partial class StaticParseMemo
{
    // A pseudo-input: the node's unique id (a model version renames the node of an unchanged file).
    private const string NodeInput = "n|";

    // What an input that does not depend on the node reads now, per package (the var and macro lookups are the package's).
    // A table per package rather than one keyed by a (package, key) tuple: tables keyed by a struct have no precompiled code.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _inputsNow = new(StringComparer.Ordinal);
    private int _reusedRenders;

    /// <summary>How many models took a parse render's result from the memo (counted in <see cref="Reused"/> too).</summary>
    public int ReusedRenders => _reusedRenders;

    /// <summary>Whether the parse render kept in <paramref name="calls"/> would read the same now for <paramref name="node"/> (before any config() is replayed).</summary>
    public bool Holds(StaticParser.Calls calls, ProjectRenderInfo project, NodeRenderInfo node, ParseResolver resolver)
    {
        var holds = true;
        ConcurrentDictionary<string, string>? packageInputs = null;
        foreach (var (key, fingerprint) in calls.Inputs!)
        {
            string? now;
            if (key == NodeInput) now = node.UniqueId;
            else if (InputCheck.DependsOnNode(key)) now = InputCheck.Current(project, node, key);
            else if (!(packageInputs ??= InputsNowIn(node.PackageName)).TryGetValue(key, out now))
            {
                now = InputCheck.Current(project, node, key);
                if (now is not null) packageInputs.TryAdd(key, now);
            }
            if (now != fingerprint)
            {
                holds = false;
                break;
            }
        }
        // Looking a ref or source up again records it as a call of this node: dropped, the record has them.
        resolver.Take(node.UniqueId);
        if (holds) Interlocked.Increment(ref _reusedRenders);
        return holds;
    }

    private ConcurrentDictionary<string, string> InputsNowIn(string package) =>
        _inputsNow.TryGetValue(package, out var inputs) ? inputs : _inputsNow.GetOrAdd(package, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Does what the kept parse render did: its config() calls into <paramref name="node"/>'s config, its reads of impure names told.</summary>
    public static (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources) Replay(StaticParser.Calls calls, ProjectRenderInfo project, NodeRenderInfo node)
    {
        RecordConfigs(calls, node.Config);
        if (project.ImpureRead is { } impure)
        {
            // The render told each impure global once per package it was read from, as it recorded it.
            foreach (var (key, _) in calls.Inputs!)
            {
                if (InputCheck.GlobalName(key) is var (_, name) && ContextFunctions.Impure.Contains(name)) impure(name);
            }
        }
        return (calls.Refs, calls.Sources);
    }

    /// <summary>Tells a taken record's check failed: it is neither reused nor saved again.</summary>
    public void Reject(SourceText file)
    {
        if (_current.TryRemove(file.Path, out _)) Interlocked.Decrement(ref _reused);
        _changed = true;
    }

    private static void RecordConfigs(StaticParser.Calls calls, IDictionary<string, object?> config)
    {
        foreach (var (positional, named) in calls.Configs)
        {
            if (positional.Count == 1) ConfigFunction.Record(config, (TemplateDict)positional[0]!);
            ConfigFunction.Record(config, named);
        }
    }

    /// <summary>Records one parse render of a model for the memo: pass <see cref="Inputs"/> and <see cref="OnConfig"/> to its render info.</summary>
    internal sealed class RenderRecording
    {
        private readonly StaticParser.Calls _calls = new() { Inputs = [] };
        // What each config() call was passed (positional values, then named values), to see that the render did not
        // change it after the call. Plain arrays: lists of tuples or pairs have no precompiled code.
        private readonly List<object?[]> _passed = [];

        public RenderInputs Inputs { get; } = new();

        public void OnConfig(IReadOnlyList<object?> positional, IReadOnlyList<KeyValuePair<string, object?>> named)
        {
            if (Inputs.Uncacheable is not null) return;
            var copy = (new List<object?>(positional.Count), new List<KeyValuePair<string, object?>>(named.Count));
            var passed = new object?[positional.Count + named.Count];
            var at = 0;
            foreach (var value in positional)
            {
                if (!(positional.Count == 1 && value is TemplateDict) || !TryCopy(value, out var kept)) { Inputs.MarkUncacheable("config() argument"); return; }
                copy.Item1.Add(kept);
                passed[at++] = value;
            }
            foreach (var (key, value) in named)
            {
                if (!TryCopy(value, out var kept)) { Inputs.MarkUncacheable("config() argument"); return; }
                copy.Item2.Add(new(key, kept));
                passed[at++] = value;
            }
            _calls.Configs.Add(copy);
            _passed.Add(passed);
        }

        /// <summary>
        /// The calls to keep for a render that succeeded with <paramref name="refs"/> and <paramref name="sources"/> and left
        /// <paramref name="config"/>; null when it cannot be replayed exactly. <paramref name="baseConfig"/> is a fresh copy of
        /// the config the render started from.
        /// </summary>
        public StaticParser.Calls? Finish(string uniqueId, IReadOnlyList<RefCall> refs, IReadOnlyList<SourceCall> sources,
            IDictionary<string, object?> config, IDictionary<string, object?> baseConfig)
        {
            if (Inputs.Uncacheable is not null) return null;
            for (var i = 0; i < _passed.Count; i++)
            {
                var (positional, named) = _calls.Configs[i];
                var passed = _passed[i];
                for (var n = 0; n < positional.Count; n++)
                {
                    if (!SameValue(positional[n], passed[n])) return null;
                }
                for (var n = 0; n < named.Count; n++)
                {
                    if (!SameValue(named[n].Value, passed[positional.Count + n])) return null;
                }
            }
            // The replay must give back the very config the render left (a value changed in place through config.get, say, would not).
            RecordConfigs(_calls, baseConfig);
            if (!SameValue(baseConfig, config)) return null;
            _calls.AddRange(refs, sources);
            _calls.Inputs!.Add(new(NodeInput, uniqueId));
            foreach (var entry in Inputs.Entries) _calls.Inputs.Add(entry);
            return _calls;
        }
    }

    // A copy of a value of the kinds the codec keeps (exact types); false for anything else.
    private static bool TryCopy(object? value, out object? copy)
    {
        copy = value;
        switch (value)
        {
            case null or string or long or double or bool:
                return true;
            case List<object?> list when list.GetType() == typeof(List<object?>):
                var items = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    if (!TryCopy(item, out var kept)) return false;
                    items.Add(kept);
                }
                copy = items;
                return true;
            case object?[] tuple when tuple.GetType() == typeof(object[]):
                var members = new object?[tuple.Length];
                for (var i = 0; i < tuple.Length; i++)
                {
                    if (!TryCopy(tuple[i], out members[i])) return false;
                }
                copy = members;
                return true;
            case TemplateDict dict:
                var entries = new TemplateDict(dict.Count);
                foreach (var (key, item) in dict)
                {
                    if (!dict.TryGet((object)key, out _) || !TryCopy(item, out var kept)) return false;
                    entries.Set(key, kept);
                }
                copy = entries;
                return true;
            default:
                return false;
        }
    }

    // Equal values of the same types, dictionaries in the same order; a value of another kind only equals itself.
    private static bool SameValue(object? a, object? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null || a.GetType() != b.GetType()) return false;
        switch (a)
        {
            case string or long or int or bool:
                return a.Equals(b);
            case double x:
                return BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits((double)b);
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                using (var left = pairs.GetEnumerator())
                using (var right = ((IEnumerable<KeyValuePair<string, object?>>)b).GetEnumerator())
                {
                    while (true)
                    {
                        var more = left.MoveNext();
                        if (more != right.MoveNext()) return false;
                        if (!more) return true;
                        if (left.Current.Key != right.Current.Key || !SameValue(left.Current.Value, right.Current.Value)) return false;
                    }
                }
            case IList list:
                var other = (IList)b;
                if (list.Count != other.Count) return false;
                for (var i = 0; i < list.Count; i++)
                {
                    if (!SameValue(list[i], other[i])) return false;
                }
                return true;
            default:
                return false;
        }
    }
}
