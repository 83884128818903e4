using System.Collections.Concurrent;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Parsing;

namespace ModelForge.Compiler.Templating;

/// <summary>
/// Parses and renders Jinja templates. Thread-safe; parsed templates are cached by content hash so
/// an unchanged file is parsed once per process.
/// </summary>
public sealed class TemplateEngine
{
    // A compile adds one entry per model from every render thread. One table of 10,000 entries would
    // grow into a large-object bucket array, allocated while its resize holds every lock (a full GC
    // with the other render threads waiting on the lock): small tables, picked by the key's hash, never do.
    private const int ShardCount = 32;
    private readonly ConcurrentDictionary<CacheKey, CacheEntry>[] _shards = NewShards();

    // A loop, not LINQ over a range: generic code over int is compiled at run time outside the self-contained form.
    private static ConcurrentDictionary<CacheKey, CacheEntry>[] NewShards()
    {
        var shards = new ConcurrentDictionary<CacheKey, CacheEntry>[ShardCount];
        for (var i = 0; i < shards.Length; i++) shards[i] = new ConcurrentDictionary<CacheKey, CacheEntry>();
        return shards;
    }

    /// <summary>How many distinct (path, text) pairs have been parsed; a cache hit does not count.</summary>
    public int ParsedCount => _shards.Sum(shard => shard.Count);

    /// <summary>
    /// Parses a template. Syntax errors go to <paramref name="diagnostics"/> (with file:line:column)
    /// and the returned template has <see cref="Template.HasErrors"/> set.
    /// </summary>
    public Template Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var key = CacheKey.Of(source);
        var shard = _shards[(uint)key.Hash % ShardCount];
        var entry = shard.TryGetValue(key, out var found) ? found : shard.GetOrAdd(key, static (_, src) => Build(src), source);
        // A cached template with errors reports them again, so every caller's bag is complete.
        if (entry.Diagnostics.Count > 0) diagnostics.AddRange(entry.Diagnostics);
        return entry.Template;
    }

    /// <summary>
    /// As <see cref="Parse"/>, for a text parsed once per process (a model's file, whose template its node keeps): not
    /// hashed, and not kept by the cache (three objects per model for the command's life at 10,000 models).
    /// </summary>
    internal Template ParseOnce(SourceText source, DiagnosticBag diagnostics)
    {
        var entry = Build(source);
        if (entry.Diagnostics.Count > 0) diagnostics.AddRange(entry.Diagnostics);
        return entry.Template;
    }

    /// <summary>
    /// Renders a template. A user error aborts the render with a
    /// <see cref="DiagnosticException"/> whose diagnostic points into the template and carries the
    /// macro frames it passed through.
    /// </summary>
    public RenderResult Render(Template template, TemplateContext context) => new Evaluator(context).Render(template);

    /// <summary>
    /// Calls the macro <paramref name="name"/> defined in <paramref name="template"/> with positional
    /// <paramref name="arguments"/>; returns its rendered text or the value it passed to <c>return()</c>.
    /// </summary>
    public object? RenderMacro(Template template, string name, TemplateContext context, params object?[] arguments)
    {
        if (!template.Macros.TryGetValue(name, out var macro))
        {
            throw new ArgumentException($"{template.Source.Path} defines no macro '{name}'", nameof(name));
        }
        var call = new Runtime.CallArguments(arguments, Runtime.CallArguments.NoNamed, macro.Span);
        return macro.Bind(context).Call(call);
    }

    private static CacheEntry Build(SourceText source)
    {
        var bag = new DiagnosticBag();
        var parsed = Parser.Parse(source, bag);
        var template = CreateTemplate(source, parsed.Body, parsed.Macros, parsed.Blocks, parsed.HasErrors);
        // Most templates parse cleanly: no sorted copy of an empty bag per template.
        return new CacheEntry(template, bag.Count == 0 ? [] : bag.ToList());
    }

    private static Template CreateTemplate(
        SourceText source,
        IReadOnlyList<Syntax.Statement> body,
        IReadOnlyList<Syntax.MacroDefinition> macros,
        IReadOnlyList<Syntax.DbtBlockStatement> blocks,
        bool hasErrors)
    {
        // A model defines no macro and no block: it keeps the shared empty table and list.
        if (macros.Count == 0 && blocks.Count == 0) return new Template { Source = source, HasErrors = hasErrors, Body = body };
        var macroTable = new Dictionary<string, Macro>(StringComparer.Ordinal);
        var blockList = new List<TemplateBlock>(blocks.Count);
        var template = new Template
        {
            Source = source,
            HasErrors = hasErrors,
            Macros = macroTable,
            Blocks = blockList,
            Body = body,
        };
        foreach (var definition in macros) macroTable[definition.Name] = new TemplateMacro(template, definition);
        foreach (var block in blocks)
        {
            var blockTemplate = new Template { Source = source, HasErrors = hasErrors, Body = block.Body };
            blockList.Add(new TemplateBlock(block.Kind, block.Name, block.Span, blockTemplate));
        }
        return template;
    }

    // The text is a whole file: hashed once per lookup, not once per dictionary step (lookup, add, shard).
    // A class, not a struct: a ConcurrentDictionary keyed by a struct of ours has no precompiled code (the
    // framework's is shared only over reference types), so its methods were JIT-compiled on every run.
    private sealed record CacheKey(string Path, string Text, int Hash)
    {
        public static CacheKey Of(SourceText source) => new(source.Path, source.Text, HashCode.Combine(source.Path, source.Text));

        public bool Equals(CacheKey? other) => other is not null && Hash == other.Hash && Path == other.Path && Text == other.Text;

        public override int GetHashCode() => Hash;
    }

    private sealed record CacheEntry(Template Template, IReadOnlyList<Diagnostic> Diagnostics);
}
