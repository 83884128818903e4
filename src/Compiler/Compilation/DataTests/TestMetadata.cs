using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>
/// What makes a test node generic: the YAML declaration it came from, the test macro it calls and
/// the node it tests (dbt's <c>test_metadata</c> and <c>attached_node</c>).
/// </summary>
public sealed class TestMetadata
{
    /// <summary>The global name the generated call reads its plain keyword arguments from.</summary>
    internal const string KwargsName = "__forge_test_kwargs";

    /// <summary>The global a shared generated call reads the tested relation's name from (see <see cref="GenericTestCall"/>).</summary>
    internal const string ModelName = "__forge_test_model";

    /// <summary>The global a shared generated call reads the names of its literal ref()/source() arguments from.</summary>
    internal const string CallsName = "__forge_test_calls";

    /// <summary>The test's name without namespace, e.g. <c>accepted_values</c>.</summary>
    public required string TestName { get; init; }

    /// <summary>The package before the dot in <c>dbt_utils.expression_is_true</c>, or null.</summary>
    public string? Namespace { get; init; }

    /// <summary>The column under test; null for model-level tests without <c>column_name</c>.</summary>
    public string? ColumnName { get; init; }

    /// <summary>The YAML arguments as written (without model and column_name).</summary>
    public required IReadOnlyDictionary<string, object?> Arguments { get; init; }

    /// <summary>The declaration's <c>description:</c> (dbt 1.9+), or null.</summary>
    public string? Description { get; init; }

    /// <summary>Unique id of the model, seed, snapshot or source the test is declared on.</summary>
    public required string AttachedNodeId { get; init; }

    /// <summary>The list item in schema YAML that declares the test.</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>
    /// The kwargs as dbt stores them in test_metadata: the YAML arguments unrendered, column_name,
    /// and <c>model</c> as <c>{{ get_where_subquery(ref('orders')) }}</c>. The unique id hashes these.
    /// </summary>
    /// <remarks>Made on each read (the manifest's, once per test): kept, it was two more dictionaries per test.</remarks>
    public IReadOnlyDictionary<string, object?> ManifestKwargs => ManifestKwargsOf(Kwargs, ModelKwarg);

    /// <summary>The <c>model</c> entry of <see cref="ManifestKwargs"/>.</summary>
    internal string ModelKwarg { get; init; } = "";

    /// <summary><paramref name="kwargs"/> with <c>model</c> last, as <see cref="ManifestKwargs"/>.</summary>
    internal static Dictionary<string, object?> ManifestKwargsOf(IReadOnlyDictionary<string, object?> kwargs, string model)
    {
        var all = new Dictionary<string, object?>(kwargs.Count + 1, StringComparer.Ordinal);
        foreach (var (key, value) in kwargs) all[key] = value;
        all["model"] = model;
        return all;
    }

    /// <summary>
    /// The name of the compiled file: the generated name, or when that is 64 characters or more its
    /// truncated md5 form (which is also the default alias). Equals the node's name otherwise.
    /// </summary>
    public string CompiledName { get; init; } = "";

    /// <summary>dbt's <c>test_metadata</c> in manifest.json: name, kwargs, namespace.</summary>
    public Dictionary<string, object?> ToManifest() => new(StringComparer.Ordinal)
    {
        ["name"] = TestName,
        ["kwargs"] = ManifestKwargs,
        ["namespace"] = Namespace,
    };

    /// <summary>The generated template that calls the test macro (positions in it are not the user's).</summary>
    internal SourceText? Generated { get; init; }

    /// <summary>The arguments passed as values (column_name and plain strings, lists, numbers).</summary>
    internal IReadOnlyDictionary<string, object?> Kwargs { get; init; } = Empty.Dictionary;

    /// <summary>The tested relation as the shared call reads it: the model's name, or [source, table].</summary>
    internal object? ModelArgument { get; init; }

    /// <summary>The literal ref()/source() arguments the shared call makes, in argument order.</summary>
    internal IReadOnlyList<LiteralCall> Calls { get; init; } = [];

    /// <summary>The render context with <see cref="Kwargs"/>, <see cref="ModelArgument"/> and <see cref="Calls"/> visible to the generated call.</summary>
    internal TemplateContext Bind(TemplateContext context)
    {
        IReadOnlyDictionary<string, object?> globals = new KwargsGlobals(new KwargsGlobals(context.Globals, ModelName, ModelArgument), KwargsName, Kwargs);
        if (Calls.Count > 0) globals = new KwargsGlobals(globals, CallsName, Calls.Select(c => (object?)c.Arguments.ToList()).ToList());
        return new TemplateContext(globals, context.Loader);
    }

    /// <summary>A span inside the generated template becomes the YAML declaration's span.</summary>
    internal SourceSpan Relocate(SourceSpan span) => Generated is { } generated && ReferenceEquals(span.Source, generated) ? Span : span;

    /// <summary>The diagnostic with its span and macro frames moved out of the generated template, onto the YAML declaration.</summary>
    internal Diagnostic Relocate(Diagnostic diagnostic) => diagnostic with
    {
        Span = diagnostic.Span is { } span ? Relocate(span) : null,
        Frames = diagnostic.Frames.Select(f => f with { Span = Relocate(f.Span) }).ToList(),
    };
}
