using System.Collections;
using System.Diagnostics.CodeAnalysis;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Context;

/// <summary>
/// The global names one render sees from code in one package: context functions, then macros
/// (that package, the root project, built-ins), then package namespaces (<c>dbt_utils.x()</c>).
/// Macros are bound on first use, so a render pays only for the macros it calls.
/// </summary>
internal sealed class RenderGlobals : IReadOnlyDictionary<string, object?>
{
    // The value of a name that is not defined here (the scope then tries the built-in globals).
    private static readonly object Missing = new();

    private readonly RenderState _state;
    private readonly string _package;
    // Names read so far with what they resolved to (or Missing).
    private readonly Dictionary<string, object?> _resolved = new(StringComparer.Ordinal);

    public RenderGlobals(RenderState state, string package)
    {
        _state = state;
        _package = package;
        Context = new TemplateContext(this, state.Project.Loader);
    }

    public TemplateContext Context { get; }

    /// <summary>The package whose code sees these globals.</summary>
    public string Package => _package;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        // What a name means cannot change within a render, so each is resolved, recorded and
        // reported once; later reads (every loop iteration, every macro call) are one lookup.
        if (!_resolved.TryGetValue(key, out value))
        {
            if (!Resolve(key, out value)) value = Missing;
            _resolved[key] = value;
        }
        if (ReferenceEquals(value, Missing))
        {
            value = null;
            return false;
        }
        return true;
    }

    private bool Resolve(string key, out object? value)
    {
        if (_state.Node.Inputs is { MacrosOnly: false } inputs)
        {
            var input = _state.Project.GlobalInputFor(_package, key);
            if (!input.PerNode) inputs.Record(input.Key, input.Fingerprint);
            else inputs.Record(input.Key, (Globals: this, input.Name),
                static read => RenderInputs.DescribeGlobal(read.Globals._state.Project, read.Globals._state.Node.This, read.Globals._state.Node.Config,
                    read.Globals._state.Node.Phase, read.Globals._package, read.Name));
        }
        if (_state.Project.ImpureRead is { } impure && ContextFunctions.Impure.Contains(key)) impure(key);
        if (_state.Project.Macros.Override(key, _package) is { } overriding)
        {
            value = _state.Bind(overriding.Macro, overriding.Package);
            return true;
        }
        if (_state.Functions.TryGetValue(key, out value))
        {
            if (key == "flags" && value is Runtime.Namespace flags && _state.Node.Inputs is { MacrosOnly: false } recording) value = new Runtime.RecordedFlags(flags, recording);
            return true;
        }
        if (_state.FindMacro(key, _package) is { } macro)
        {
            value = macro;
            return true;
        }
        if (_state.Project.Macros.HasPackage(key))
        {
            value = new PackageNamespace(_state, key);
            return true;
        }
        value = MissingPackageNamespace.For(_state.Project.Macros, key);
        return value is not null;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    // Enumeration lists functions and macro names without binding; values bind on access.
    public IEnumerable<string> Keys =>
        _state.Functions.Keys
            .Concat(_state.Project.Macros.NamesIn(_package))
            .Concat(_state.Project.Macros.NamesIn(_state.Project.Macros.RootPackage))
            .Concat(_state.Project.Macros.NamesIn(MacroRegistry.BuiltinPackage))
            .Concat(_state.Project.Macros.Packages)
            .Distinct(StringComparer.Ordinal);

    public IEnumerable<object?> Values => Keys.Select(k => this[k]);

    public int Count => Keys.Count();

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, object?>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
