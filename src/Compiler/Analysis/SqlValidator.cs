using ModelForge.Compiler.Analysis.TSql;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Analysis;

/// <summary>
/// Checks a model's compiled SQL for one target without a connection, so errors the warehouse would
/// raise are reported at the model's own file, line and column before anything runs.
/// Implementations are thread-safe.
/// </summary>
public abstract class SqlValidator
{
    /// <summary>A validator that accepts everything (targets with no static parser yet).</summary>
    public static readonly SqlValidator None = new NoValidator();

    /// <summary>The default validator of a target type's warehouse adapter (<c>sqlserver</c>: T-SQL 2022); <see cref="None"/> when there is none.</summary>
    public static SqlValidator ForTarget(string? targetType) => Targets.WarehouseAdapters.Find(targetType)?.Validator(null) ?? None;

    /// <summary>The validator for a loaded profile: its adapter's, with the profile's settings (SQL Server: <c>sql_server_version</c>).</summary>
    internal static SqlValidator ForTarget(Project.TargetProfile profile) => Targets.WarehouseAdapters.Find(profile.Type)?.Validator(profile) ?? None;

    /// <summary>
    /// Diagnostics for one model's rendered SQL; positions are mapped through
    /// <see cref="RenderResult.Map"/> back into the template, or fall back to <paramref name="fallback"/>.
    /// <paramref name="compiledPath"/> is named in each diagnostic's detail. Empty when the SQL is fine.
    /// </summary>
    public IReadOnlyList<Diagnostic> Validate(RenderResult rendered, SourceSpan? fallback, string compiledPath) =>
        Validate(rendered.Text, rendered.Map.Find, fallback, compiledPath);

    /// <summary>
    /// As the other overload, for SQL assembled from several renders: <paramref name="map"/> turns an
    /// offset of <paramref name="sql"/> into a template position (null when unknown).
    /// </summary>
    public abstract IReadOnlyList<Diagnostic> Validate(string sql, Func<int, SourceSpan?> map, SourceSpan? fallback, string compiledPath);

    private sealed class NoValidator : SqlValidator
    {
        public override IReadOnlyList<Diagnostic> Validate(string sql, Func<int, SourceSpan?> map, SourceSpan? fallback, string compiledPath) => [];
    }
}
