using System.Text;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Compilation.DataTests;
using ModelForge.Compiler.Compilation.Ephemeral;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Context.Runtime;

namespace ModelForge.Compiler.UnitTests;

/// <summary>
/// Renders a model for a unit test: each input it reads becomes a CTE (<c>__dbt__cte__&lt;name&gt;</c>,
/// dbt's naming) put in front of the model's own, and ref()/source()/this render as those names.
/// The same render with typed empty inputs describes an upstream model that was never built.
/// One instance per worker thread, as <see cref="NodeCompiler"/>.
/// </summary>
internal sealed class UnitTestRenderer(CompiledProject project, IAdapterRuntime? adapter)
{
    private readonly NodeLookup _lookup = new(project.Name, project.Nodes.Values, []);

    /// <param name="node">The model (or ephemeral / upstream model) to render.</param>
    /// <param name="inputs">Unique id of each node read → (CTE name, its SELECT); the model's own id stands for <c>this</c>.</param>
    /// <param name="overrides">The unit test's overrides; null for a describe render.</param>
    /// <returns>The SQL to run. Throws DiagnosticException when the render fails.</returns>
    public string Render(ProjectNode node, IReadOnlyDictionary<string, (string Cte, string Sql)> inputs, UnitTestOverrides? overrides)
    {
        var target = ProjectCompiler.TargetInfoOf(project.Project);
        var ctes = inputs.Where(i => i.Key != node.UniqueId).ToDictionary(i => i.Key, i => i.Value.Cte, StringComparer.Ordinal);
        var baseInfo = ProjectCompiler.RenderInfo(project.Project, project.Options, target, project.Macros,
            new FixtureResolver(_lookup, ctes), adapter, project.GraphNodes);
        var info = overrides is null ? baseInfo : WithOverrides(baseInfo, overrides);
        var nodeInfo = new NodeRenderInfo
        {
            UniqueId = node.UniqueId,
            Name = node.Name,
            ResourceType = "model",
            PackageName = node.PackageName,
            FilePath = node.Path,
            This = inputs.TryGetValue(node.UniqueId, out var self) ? FixtureResolver.CteRelation(node, self.Cte) : node.Relation,
            Config = new Dictionary<string, object?>(node.Config, StringComparer.Ordinal),
            Phase = RenderPhase.Execute,
            Model = new LazyDictionary(() => (IReadOnlyDictionary<string, object?>)project.GraphNodes[node.UniqueId]!),
        };
        var context = ContextBuilder.CreateContext(info, nodeInfo);
        // A unit test sees is_incremental() false unless its overrides say otherwise, whatever the warehouse holds (as dbt).
        var macros = new Dictionary<string, object?>(StringComparer.Ordinal) { ["is_incremental"] = false };
        foreach (var (name, value) in overrides?.Macros ?? new Dictionary<string, object?>()) macros[name] = value;
        var globals = context.Globals;
        foreach (var (name, value) in macros) globals = new KwargsGlobals(globals, name, new Function(name, _ => value));
        var rendered = project.Engine.Render(node.Template!, new Templating.TemplateContext(globals, context.Loader));
        return WithCtes(rendered.Text, inputs.Values.ToList());
    }

    private static ProjectRenderInfo WithOverrides(ProjectRenderInfo info, UnitTestOverrides overrides)
    {
        if (overrides.Vars.Count == 0 && overrides.EnvVars.Count == 0) return info;
        var vars = new Dictionary<string, object?>(info.Vars, StringComparer.Ordinal);
        foreach (var (key, value) in overrides.Vars) vars[key] = value;
        var environment = info.Environment;
        var env = overrides.EnvVars;
        return new ProjectRenderInfo
        {
            ProjectName = info.ProjectName, Vars = vars, PackageVars = info.PackageVars, CliVars = info.CliVars, Target = info.Target,
            Quoting = info.Quoting, AllowSecretEnvVars = info.AllowSecretEnvVars, Macros = info.Macros, DispatchPrefixes = info.DispatchPrefixes,
            DispatchSearchOrder = info.DispatchSearchOrder, InvocationId = info.InvocationId, RunStartedAt = info.RunStartedAt,
            GraphNodes = info.GraphNodes, GraphSources = info.GraphSources, FullRefresh = info.FullRefresh, Command = info.Command,
            Flags = info.Flags, SelectedResources = info.SelectedResources, Resolver = info.Resolver, Adapter = info.Adapter, Log = info.Log,
            Loader = info.Loader, ImpureRead = info.ImpureRead,
            Environment = name => env.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : environment(name),
        };
    }

    /// <summary>The inputs as CTEs in front of the model's own (merged into its leading WITH, never nested).</summary>
    internal static string WithCtes(string body, IReadOnlyList<(string Cte, string Sql)> inputs)
    {
        var end = body.Length;
        while (end > 0 && (char.IsWhiteSpace(body[end - 1]) || body[end - 1] == ';')) end--;
        body = body[..end];
        if (inputs.Count == 0) return body;
        var list = new StringBuilder();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (i > 0) list.Append(",\n");
            list.Append(inputs[i].Cte).Append(" as (\n").Append(inputs[i].Sql.Trim().TrimEnd(';')).Append("\n)");
        }
        var start = CteScanner.CteListStart(body);
        return start >= 0
            ? body[..start] + list + ",\n" + body[start..]
            : "with " + list + "\n" + body.TrimStart();
    }
}
