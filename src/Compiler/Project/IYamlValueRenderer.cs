using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>
/// Renders a templated YAML scalar (<c>{{ env_var('X', 'd') }}</c>, <c>{{ var('x') }}</c>) the way dbt
/// renders profiles.yml and dbt_project.yml. Called only for strings containing <c>{{</c> or <c>{%</c>.
/// </summary>
public interface IYamlValueRenderer
{
    /// <summary>
    /// Returns the rendered value (a string, or any value of the compiler's value model). Report a
    /// user error by throwing <see cref="DiagnosticException"/>; the loader records it and carries on.
    /// </summary>
    object? Render(string text, SourceSpan span, YamlRenderScope scope);

    /// <summary>
    /// A renderer whose var() sees <paramref name="vars"/> (the project's vars with --vars over
    /// them), for values rendered after the project file is read: sources in schema YAML.
    /// </summary>
    IYamlValueRenderer WithVars(IReadOnlyDictionary<string, object?> vars) => this;
}
