using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>
/// A generic test declared in YAML: <c>- unique</c>, <c>- accepted_values: {values: [...]}</c>,
/// <c>- my_pkg.my_test: {arguments: {...}, config: {...}}</c>. Config keys (severity, where, limit,
/// warn_if, error_if, store_failures, tags, enabled, …) are separated from the arguments, as dbt does.
/// </summary>
/// <param name="Name">The test macro's name without namespace, e.g. <c>accepted_values</c>.</param>
/// <param name="Namespace">The package before the dot (<c>dbt_utils</c>), or null.</param>
/// <param name="Arguments">The test's keyword arguments (not including model and column_name).</param>
/// <param name="Config">Config keys, from <c>config:</c> and the older top-level spelling.</param>
/// <param name="ColumnName">The column (or, for node-level tests, the <c>column_name</c> expression); null when none.</param>
/// <param name="AttachedTo">The model, seed, snapshot or source table it tests.</param>
/// <param name="Span">The list item that declares it.</param>
public sealed record TestDeclaration(
    string Name,
    string? Namespace,
    IReadOnlyDictionary<string, object?> Arguments,
    IReadOnlyDictionary<string, object?> Config,
    string? ColumnName,
    TestAttachment AttachedTo,
    SourceSpan Span)
{
    /// <summary>The user's <c>name:</c> for the test node, overriding the generated one.</summary>
    public string? CustomName { get; init; }

    public string? Description { get; init; }

    /// <summary>Where the test's name is written (the key, or the <c>test_name:</c> value); unknown-test errors point here.</summary>
    public SourceSpan? NameSpan { get; init; }

    /// <summary>
    /// The package whose schema YAML declares the test, or null for the root project. It is the test
    /// node's package_name, the package of the node it tests, and where an unqualified test name is
    /// looked up first, as in dbt.
    /// </summary>
    public string? PackageName { get; init; }
}
