using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Renders templated values of profiles.yml and forge_project.yml (<c>{{ env_var('HOST') }}</c>,
/// <c>{{ var('x') }}</c>) with the real template engine. The value is parsed at its own position
/// in the file so that an error points at the YAML line and column.
/// </summary>
public sealed class YamlTemplateRenderer(
    IReadOnlyDictionary<string, object?> cliVars,
    Func<string, string?> environment) : IYamlValueRenderer
{
    private static readonly TemplateEngine Engine = new();

    /// <summary>The vars already hold --vars over the project's, so they stand in for the CLI vars.</summary>
    public IYamlValueRenderer WithVars(IReadOnlyDictionary<string, object?> vars) => new YamlTemplateRenderer(vars, environment) { ImpureRead = ImpureRead };

    /// <summary>See <see cref="ProjectRenderInfo.ImpureRead"/>: YAML values render too.</summary>
    internal Action<string>? ImpureRead { get; init; }

    public object? Render(string text, SourceSpan span, YamlRenderScope scope)
    {
        // Blank out everything before the value, keeping line breaks, so positions are the file's.
        var blank = new char[span.Start];
        var original = span.Source.Text;
        for (var i = 0; i < blank.Length; i++) blank[i] = original[i] == '\n' ? '\n' : ' ';
        var prefix = new string(blank);
        var source = new SourceText(span.Path, prefix + text);

        var diagnostics = new DiagnosticBag();
        var template = Engine.Parse(source, diagnostics);
        if (diagnostics.HasErrors) throw new DiagnosticException(diagnostics.ToList().First(d => d.IsError));

        var info = new ProjectRenderInfo
        {
            ProjectName = "profiles",
            CliVars = cliVars,
            Target = new TargetInfo("", "", ""),
            Environment = environment,
            // dbt lets profiles read DBT_ENV_SECRET_* variables; models may not.
            AllowSecretEnvVars = scope == YamlRenderScope.Profile,
            Macros = new MacroRegistry("profiles"),
            Resolver = NoRefs.Instance,
            ImpureRead = ImpureRead,
        };
        var node = new NodeRenderInfo { UniqueId = span.Path, Name = span.Path, ResourceType = "file", PackageName = "profiles", FilePath = span.Path };
        var rendered = Engine.Render(template, ContextBuilder.CreateContext(info, node)).Text;
        // A leading `{{-` strips the blank prefix itself; otherwise it comes out verbatim.
        return rendered.StartsWith(prefix, StringComparison.Ordinal) ? rendered[prefix.Length..] : rendered;
    }

    private sealed class NoRefs : IRelationResolver
    {
        public static readonly NoRefs Instance = new();

        public Relation ResolveRef(NodeRenderInfo node, string? package, string name, NodeVersion? version, SourceSpan call) =>
            throw Unavailable("ref", call);

        public Relation ResolveSource(NodeRenderInfo node, string source, string table, SourceSpan call) =>
            throw Unavailable("source", call);

        private static DiagnosticException Unavailable(string function, SourceSpan call) =>
            new(Diagnostic.Error(DiagnosticCodes.UnknownRef, $"{function}() cannot be used in a YAML configuration value", call,
                "only env_var() and var() are available here"));
    }
}
