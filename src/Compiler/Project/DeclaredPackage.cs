using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>
/// One entry of packages.yml or dependencies.yml, read only to tell "not installed" apart from
/// "misspelt". <see cref="Name"/> is the folder <c>forge deps</c> is expected to install it as:
/// the last part of a hub name, a git repository or a local path (dashes as underscores).
/// </summary>
/// <param name="Name">The expected package name.</param>
/// <param name="Spec">The entry as written, e.g. <c>dbt-labs/dbt_utils</c>.</param>
/// <param name="Span">The entry in its file.</param>
internal sealed record DeclaredPackage(string Name, string Spec, SourceSpan Span);
