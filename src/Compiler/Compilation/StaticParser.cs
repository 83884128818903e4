using System.Collections.Concurrent;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Context.Functions;
using ModelForge.Compiler.Templating;
using ModelForge.Compiler.Templating.Runtime;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// The parse render without a render, as dbt's static parser does: a template made only of text,
/// <c>{{ config(…) }}</c>, <c>{{ ref(…) }}</c>, <c>{{ source(…) }}</c> and <c>{{ var(…) }}</c> calls
/// whose arguments are literals (or <c>var()</c> of literals), <c>{% if is_incremental() %}</c> blocks
/// (never entered while parsing) and calls of macros that only write their parameters out gives its
/// config, refs and sources straight from its syntax tree. Whatever it cannot prove the same (any
/// other construct, an argument a function would refuse, a var with no value and no default, a macro
/// named like one of these functions) returns null and the node is rendered, so errors stay the render's.
/// </summary>
internal sealed class StaticParser
{
    private static readonly string[] Handled = ["ref", "source", "config", "var", "is_incremental"];

    private readonly ProjectRenderInfo _project;
    private readonly bool _enabled;
    private readonly ConcurrentDictionary<MacroDefinition, bool> _pureMacros = new(ReferenceEqualityComparer.Instance);
    private int _parsed;
    private int _rendered;

    public StaticParser(ProjectRenderInfo project, bool enabled)
    {
        _project = project;
        var macros = project.Macros;
        // dbt lets the root project replace ref and source (and a package or the project is_incremental);
        // a package macro of these names is refused here too, to stay on the safe side.
        _enabled = enabled && !macros.Packages.Any(package => Handled.Any(name => macros.FindInPackage(package, name) is not null));
    }

    /// <summary>How many templates were parsed statically, and how many were left to the render.</summary>
    public int Parsed => _parsed;

    public int Rendered => _rendered;

    /// <summary>Off (the option, or a macro that replaces one of the handled functions): every template is rendered.</summary>
    public bool Enabled => _enabled;

    /// <summary>
    /// The refs and sources of <paramref name="template"/>, its config() calls recorded into
    /// <paramref name="info"/>'s config; null, with nothing recorded, when the template needs a render.
    /// </summary>
    public (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources)? TryParse(Template template, NodeRenderInfo info) =>
        Find(template, info.PackageName) is { } found ? Apply(found, info) : null;

    /// <summary>The calls a parse render of <paramref name="template"/> would make; null (counted as rendered) when it needs a render.</summary>
    public Calls? Find(Template template, string package)
    {
        var found = _enabled && !template.HasErrors && template.Macros.Count == 0 && template.Blocks.Count == 0 ? new Calls() : null;
        if (found is null || !Walk(template.Body, package, found))
        {
            Interlocked.Increment(ref _rendered);
            return null;
        }
        return found;
    }

    /// <summary>
    /// Does what the parse render would have done with <paramref name="found"/> (found now or kept by the
    /// <see cref="StaticParseMemo"/>): records its config() calls into <paramref name="info"/>'s config.
    /// </summary>
    public (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources) Apply(Calls found, NodeRenderInfo info)
    {
        Interlocked.Increment(ref _parsed);
        foreach (var (positional, named) in found.Configs)
        {
            if (positional.Count == 1) ConfigFunction.Record(info.Config, (TemplateDict)positional[0]!);
            ConfigFunction.Record(info.Config, named);
        }
        // The render would have looked is_incremental up: the invocation memo is told the same.
        for (var i = 0; i < found.IncrementalChecks; i++) _project.ImpureRead?.Invoke("is_incremental");
        return (found.Refs, found.Sources);
    }

    // What the statements would do when rendered at parse time; false for anything not proven.
    private bool Walk(IReadOnlyList<Statement> body, string package, Calls found)
    {
        foreach (var statement in body)
        {
            CallExpression call;
            switch (statement)
            {
                case TextStatement:
                    continue;
                case OutputStatement { Value: CallExpression output }:
                    call = output;
                    break;
                case DoStatement { Value: CallExpression done }:
                    call = done;
                    break;
                // is_incremental() is false while parsing (nothing is executing): the branch is never entered.
                case IfStatement { Branches: [{ Condition: CallExpression { Callee: NameExpression { Name: "is_incremental" }, Arguments.Count: 0 } }] } incremental:
                    found.IncrementalChecks++;
                    if (incremental.Else is { } otherwise && !Walk(otherwise, package, found)) return false;
                    continue;
                default:
                    return false;
            }
            if (call.Callee is not NameExpression { Name: var function } || !Arguments(call, package, out var positional, out var named)) return false;
            switch (function)
            {
                case "config":
                    if (!IsConfigCall(positional)) return false;
                    found.Configs.Add((positional, named));
                    break;
                case "ref":
                    if (Ref(positional, named, call) is not { } reference) return false;
                    found.Add(reference);
                    break;
                case "source":
                    if (named.Count > 0 || positional is not [string source, string table]) return false;
                    found.Add(new SourceCall(source, table, call.Span));
                    break;
                case "var":
                    // The value is written out and thrown away; only plain values are known to write without error.
                    if (Var(positional, named, package, out var value) && value is null or string or long or double or bool) break;
                    return false;
                default:
                    if (!PureMacroCall(function, positional, named, package)) return false;
                    break;
            }
        }
        return true;
    }

    /// <summary>
    /// A call of a project or package macro whose output is thrown away and which cannot fail or call
    /// anything: its body is text and its own parameters written out, and the arguments fit its signature.
    /// </summary>
    private bool PureMacroCall(string name, List<object?> positional, List<KeyValuePair<string, object?>> named, string package)
    {
        // Context functions and shared values come before macros in a render's globals.
        if (ContextFunctions.NodeNames.Contains(name) || _project.Shared.Values.ContainsKey(name)) return false;
        if (_project.Macros.Find(name, package) is not { Macro: TemplateMacro { Definition: var definition } }) return false;
        if (!_pureMacros.GetOrAdd(definition, IsPure)) return false;
        var parameters = definition.Parameters;
        if (positional.Count > parameters.Count) return false;
        for (var i = 0; i < named.Count; i++)
        {
            var index = IndexOf(parameters, named[i].Key);
            if (index < positional.Count) return false;
            for (var j = 0; j < i; j++)
            {
                if (named[j].Key == named[i].Key) return false;
            }
        }
        return true;
    }

    // Text and {{ parameter }} only; a missing argument writes nothing (Jinja's lenient Undefined), as in the render.
    internal static bool IsPure(MacroDefinition definition)
    {
        if (definition.UsesCaller || definition.UsesVarargs || definition.UsesKwargs) return false;
        if (definition.Parameters.Any(p => p.Default is not (null or LiteralExpression))) return false;
        return definition.Body.All(statement => statement is TextStatement
            || (statement is OutputStatement { Value: NameExpression { Name: var written } } && IndexOf(definition.Parameters, written) >= 0));
    }

    private static int IndexOf(IReadOnlyList<Parameter> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Name == name) return i;
        }
        return -1;
    }

    /// <summary>What a template's parse render would do: its config() arguments, refs, sources and is_incremental() checks.</summary>
    internal sealed class Calls
    {
        public List<(List<object?> Positional, List<KeyValuePair<string, object?>> Named)> Configs { get; } = [];

        // Made by the first call added: most models make no source() call, and every model's calls are kept.
        private List<RefCall>? _refs;
        private List<SourceCall>? _sources;

        public IReadOnlyList<RefCall> Refs => (IReadOnlyList<RefCall>?)_refs ?? [];

        public IReadOnlyList<SourceCall> Sources => (IReadOnlyList<SourceCall>?)_sources ?? [];

        public void Add(RefCall call) => (_refs ??= []).Add(call);

        public void Add(SourceCall call) => (_sources ??= []).Add(call);

        public void AddRange(IReadOnlyList<RefCall> refs, IReadOnlyList<SourceCall> sources)
        {
            for (var i = 0; i < refs.Count; i++) Add(refs[i]);
            for (var i = 0; i < sources.Count; i++) Add(sources[i]);
        }

        public int IncrementalChecks { get; set; }

        /// <summary>
        /// For a parse render kept by the memo: what the render read (<see cref="RenderInputs"/>'s keys and
        /// fingerprints), each to read the same again before the calls are replayed; null for the static parser's.
        /// </summary>
        public List<KeyValuePair<string, string>>? Inputs { get; set; }
    }

    private static bool IsConfigCall(List<object?> positional) =>
        positional.Count == 0 || (positional.Count == 1 && positional[0] is TemplateDict);

    // ref('m'), ref('pkg', 'm'), with v= or version= (not both); anything else is left to the render's checks.
    private static RefCall? Ref(List<object?> positional, List<KeyValuePair<string, object?>> named, CallExpression call)
    {
        var (package, name) = positional switch
        {
            [string n] => (null, n),
            [string p, string n] => (p, n),
            _ => ((string?)null, (string?)null),
        };
        if (name is null || named.Count > 1) return null;
        NodeVersion? version = null;
        if (named is [var (key, value)])
        {
            if (key is not ("v" or "version") || value is null) return null;
            if ((version = NodeVersion.From(value)) is null) return null;
        }
        return new RefCall(package, name, version, call.Span);
    }

    private bool Var(List<object?> positional, List<KeyValuePair<string, object?>> named, string package, out object? value)
    {
        value = null;
        if (named.Count > 0 || positional is not ([string] or [string, _])) return false;
        if (VarFunction.TryFind(_project, package, (string)positional[0]!, out value)) return true;
        if (positional.Count < 2) return false;
        value = positional[1];
        return true;
    }

    private static readonly List<KeyValuePair<string, object?>> NoNamed = [];

    private static readonly List<object?> NoPositional = [];

    private bool Arguments(CallExpression call, string package, out List<object?> positional, out List<KeyValuePair<string, object?>> named)
    {
        // Most calls name no argument, and config() passes none by position: they share empty lists, which nothing adds to.
        positional = NoPositional;
        named = NoNamed;
        // Indexed: a foreach over the interface allocates an enumerator per call.
        var arguments = call.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!TryValue(argument.Value, package, out var value)) return false;
            switch (argument.Kind)
            {
                case ArgumentKind.Positional:
                    if (ReferenceEquals(positional, NoPositional)) positional = [];
                    positional.Add(value);
                    break;
                case ArgumentKind.Named:
                    if (ReferenceEquals(named, NoNamed)) named = [];
                    named.Add(new KeyValuePair<string, object?>(argument.Name!, value));
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    // The value the evaluator gives a literal: the literal's own object, new lists, tuples and dicts (string keys only).
    private bool TryValue(Expression expression, string package, out object? value)
    {
        value = null;
        switch (expression)
        {
            case LiteralExpression literal:
                value = literal.Value;
                return true;
            case ListExpression list:
                var items = new List<object?>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    if (!TryValue(item, package, out var element)) return false;
                    items.Add(element);
                }
                value = items;
                return true;
            case TupleExpression tuple:
                var values = new object?[tuple.Items.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    if (!TryValue(tuple.Items[i], package, out values[i])) return false;
                }
                value = values;
                return true;
            case DictExpression dict:
                var result = new TemplateDict(dict.Entries.Count);
                foreach (var entry in dict.Entries)
                {
                    if (entry.Key is not LiteralExpression { Value: string key } || !TryValue(entry.Value, package, out var entryValue)) return false;
                    result.Set(key, entryValue);
                }
                value = result;
                return true;
            case CallExpression { Callee: NameExpression { Name: "var" } } call:
                return Arguments(call, package, out var positional, out var named) && Var(positional, named, package, out value);
            default:
                return false;
        }
    }
}
