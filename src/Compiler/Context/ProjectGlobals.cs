using ModelForge.Compiler.Context.Functions;
using ModelForge.Compiler.Context.Modules;
using ModelForge.Compiler.Context.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>The globals that are the same for every node of one invocation, built once.</summary>
internal sealed class ProjectGlobals
{
    /// <summary>The dbt version reported to packages that check compatibility.</summary>
    public const string DbtVersion = "1.8.0";

    public ProjectGlobals(ProjectRenderInfo project)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in UtilityFunctions.All) values[name] = value;
        values["modules"] = ModulesNamespace.Instance;
        values["project_name"] = project.ProjectName;
        var target = Target(project.Target);
        var flags = Flags(project);
        values["target"] = target;
        values["flags"] = flags;
        TargetFingerprint = ValueFingerprint.Of(target.Members) is { } t ? $"{t}{project.EffectiveQuoting}" : null;
        values["graph"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["nodes"] = project.GraphNodes,
            ["sources"] = project.GraphSources,
            ["exposures"] = new Dictionary<string, object?>(),
            ["metrics"] = new Dictionary<string, object?>(),
            ["groups"] = new Dictionary<string, object?>(),
            ["semantic_models"] = new Dictionary<string, object?>(),
            ["saved_queries"] = new Dictionary<string, object?>(),
        };
        values["api"] = RelationApi.Api(project.EffectiveQuoting, ColumnFlavor.ForTargetType(project.Target.Type));
        values["invocation_id"] = project.InvocationId;
        values["run_started_at"] = PyDateTime.From(project.RunStartedAt.ToUniversalTime());
        values["selected_resources"] = project.SelectedResources.Cast<object?>().ToList();
        values["dbt_version"] = DbtVersion;
        Values = values;
    }

    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>What <c>target</c> (and <c>api</c>, whose relations quote as the target does) looks like, for <see cref="RenderInputs"/>.</summary>
    public string? TargetFingerprint { get; }

    // Passwords, tokens and other secrets never reach templates.
    private static Namespace Target(TargetInfo target)
    {
        var members = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in target.Extra)
        {
            if (!TargetInfo.IsSecretKey(key)) members[key] = value;
        }
        members["name"] = target.Name;
        members["target_name"] = target.Name;
        members["type"] = target.Type;
        members["schema"] = target.Schema;
        members["database"] = target.Database;
        members["threads"] = (long)target.Threads;
        members["profile_name"] = target.ProfileName;
        return new Namespace($"<target {target.Name}>", members);
    }

    private static Namespace Flags(ProjectRenderInfo project)
    {
        var members = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["FULL_REFRESH"] = project.FullRefresh,
            ["WHICH"] = project.Command,
            ["STORE_FAILURES"] = false,
            ["FAIL_FAST"] = false,
            ["WARN_ERROR"] = false,
            ["USE_COLORS"] = false,
        };
        foreach (var (key, value) in project.Flags) members[key] = value;
        return new Namespace("<flags>", members);
    }
}
