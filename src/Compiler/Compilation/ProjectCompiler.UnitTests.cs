using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.UnitTests;

namespace ModelForge.Compiler.Compilation;

public static partial class ProjectCompiler
{
    /// <summary>
    /// The root project's <c>unit_tests:</c> as nodes <c>unit_test.&lt;project&gt;.&lt;model&gt;.&lt;name&gt;</c>,
    /// each reading its model (dbt's depends_on), once models are rendered and their refs known. dbt
    /// runs unit tests of the current project only; packages' entries are ignored, as there.
    /// </summary>
    private static List<ProjectNode> UnitTestNodes(LoadedProject project, IReadOnlyList<ProjectNode> nodes, DiagnosticBag diagnostics)
    {
        var result = new List<ProjectNode>();
        if (project.Schema.UnitTests.Count == 0) return result;
        // A versioned model has one node per version, all with the model's name.
        var models = nodes.Where(n => n.ResourceType == ResourceType.Model && n.PackageName == project.Name)
            .GroupBy(n => n.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(n => n.Version).ToList(), StringComparer.Ordinal);
        var lookup = new NodeLookup(project.Name, nodes, []);
        var seen = new Dictionary<(string, string), SourceSpan>();
        foreach (var definition in project.Schema.UnitTests)
        {
            if (definition.Model is not { } modelName)
            {
                diagnostics.Add(DiagnosticCodes.UnitTests.MissingKey(definition.Span, definition.Name, "model", "model: dim_customers"));
                continue;
            }
            if (!models.TryGetValue(modelName, out var versions))
            {
                if (definition.Config.GetValueOrDefault("enabled") is false) continue;
                diagnostics.Add(DiagnosticCodes.UnitTests.UnknownModel(definition.ModelSpan ?? definition.Span, definition.Name, modelName,
                    NameSuggester.Nearest(modelName, models.Keys)));
                continue;
            }
            foreach (var model in versions.Where(v => IncludesVersion(definition, v.Version)))
                UnitTestForModel(project, definition, model, lookup, seen, result, diagnostics);
        }
        return result;
    }

    // dbt: versions: include/exclude pick the versions a test runs on; none given means every version.
    private static bool IncludesVersion(UnitTestDefinition definition, NodeVersion? version)
    {
        if (version is not { } v) return true;
        bool Listed(IReadOnlyList<object?> list) => list.Any(item => NodeVersion.From(item) == v);
        if (definition.IncludeVersions is { } include && !Listed(include)) return false;
        return definition.ExcludeVersions is not { } exclude || !Listed(exclude);
    }

    private static void UnitTestForModel(LoadedProject project, UnitTestDefinition definition, ProjectNode model, NodeLookup lookup,
        Dictionary<(string, string), SourceSpan> seen, List<ProjectNode> result, DiagnosticBag diagnostics)
    {
        var modelName = model.Name;
        // dbt: dbt_project.yml's unit_tests: tree can disable it too, by [project, model folders…, model, test].
        var config = project.Configs.Resolve(ResourceType.UnitTest, model.Fqn.Append(definition.Name).ToList(), null, definition.Config);
        if (!config.Enabled) return;
        if (!seen.TryAdd((model.UniqueId, definition.Name), definition.Span))
        {
            diagnostics.Add(DiagnosticCodes.UnitTests.Duplicate(definition.Span, definition.Name, modelName, seen[(model.UniqueId, definition.Name)]));
            return;
        }
        if (definition.Expect is not { } expect)
        {
            diagnostics.Add(DiagnosticCodes.UnitTests.MissingKey(definition.Span, definition.Name, "expect", "expect: {rows: [{id: 1}]}"));
            return;
        }
        var reader = new UnitTestFixtureReader(project, definition.Name, diagnostics);
        var inputs = UnitTestInputs(definition, model, lookup, reader, diagnostics);
        var expected = reader.Read(expect, model.UniqueId, "expect", isThis: false);
        if (inputs is null || expected is null) return;
        result.Add(UnitTestNode(project, definition, model, config, inputs, expected));
    }

    private static ProjectNode UnitTestNode(LoadedProject project, UnitTestDefinition definition, ProjectNode model, NodeConfig config,
        List<UnitTestInput> inputs, UnitTestInput expected)
    {
        // dbt: the model's fqn with the test's name appended.
        // A test of a model version is named <test>_v<v>, one per version, as dbt does.
        var name = model.Version is { } v ? $"{definition.Name}_v{v.AliasSuffix}" : definition.Name;
        var fqn = model.Fqn.Append(name).ToList();
        return new ProjectNode
        {
            UniqueId = $"unit_test.{project.Name}.{model.Name}.{name}",
            Name = name,
            ResourceType = ResourceType.UnitTest,
            PackageName = project.Name,
            Path = definition.Span.Path,
            OriginalFilePath = project.PathInProject(definition.Span.Path),
            Fqn = fqn,
            Config = config,
            Relation = new Relation(null, null, definition.Name, null, model.Relation.Quoting),
            Refs = [new RefCall(null, model.Name, model.Version, definition.ModelSpan ?? definition.Span)],
            UnitTest = new UnitTestNode { Definition = definition, ModelId = model.UniqueId, Inputs = inputs, Expected = expected },
        };
    }

    /// <summary>
    /// Each given input matched to a ref() or source() the model makes; every ref and source the model
    /// makes must be given, except seeds, which dbt reads as themselves (here: their CSV rows, so no
    /// relation needs to exist). Null when any is wrong (reported).
    /// </summary>
    private static List<UnitTestInput>? UnitTestInputs(UnitTestDefinition definition, ProjectNode model, NodeLookup lookup,
        UnitTestFixtureReader reader, DiagnosticBag diagnostics)
    {
        var reads = new Dictionary<string, (ProjectNode Node, string Display)>(StringComparer.Ordinal);
        foreach (var call in model.Refs)
        {
            if (lookup.ResolveRef(call, model.PackageName, out _) is { } node)
                reads.TryAdd(node.UniqueId, (node, new InputCall("ref", call.Package, call.Name, null, call.Version).Display));
        }
        foreach (var call in model.Sources)
        {
            if (lookup.ResolveSource(call, model.PackageName, out _) is { } node)
                reads.TryAdd(node.UniqueId, (node, new InputCall("source", null, call.Source, call.Table, null).Display));
        }

        var ok = true;
        var inputs = new List<UnitTestInput>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fixture in definition.Given)
        {
            if (fixture.Input is not { } text || InputCall.Parse(text) is not { } call)
            {
                diagnostics.Add(DiagnosticCodes.UnitTests.BadInput(fixture.Span, definition.Name, fixture.Input ?? ""));
                ok = false;
                continue;
            }
            string upstream;
            if (call.IsThis) upstream = model.UniqueId;
            else if (Resolve(call, model, lookup, fixture.Span) is { } node && reads.ContainsKey(node.UniqueId)) upstream = node.UniqueId;
            else
            {
                var nearest = NameSuggester.Nearest(call.Display, reads.Values.Select(r => r.Display));
                diagnostics.Add(DiagnosticCodes.UnitTests.InputNotRead(fixture.Span, definition.Name, model.Name, call.Display, nearest));
                ok = false;
                continue;
            }
            given.Add(upstream);
            if (reader.Read(fixture, upstream, call.Display, call.IsThis) is { } input) inputs.Add(input);
            else ok = false;
        }
        // A wrong input would also read as a missing one: report it alone.
        if (!ok) return null;
        foreach (var (id, (node, display)) in reads)
        {
            if (given.Contains(id)) continue;
            if (node.ResourceType == ResourceType.Seed && reader.SeedRows(node, display) is { } seed)
            {
                inputs.Add(seed);
                continue;
            }
            diagnostics.Add(DiagnosticCodes.UnitTests.InputMissing(definition.Span, definition.Name, model.Name, display));
            ok = false;
        }
        return ok ? inputs : null;
    }

    private static ProjectNode? Resolve(InputCall call, ProjectNode model, NodeLookup lookup, SourceSpan span) => call.IsSource
        ? lookup.ResolveSource(new SourceCall(call.Name, call.Table!, span), model.PackageName, out _)
        : lookup.ResolveRef(new RefCall(call.Package, call.Name, call.Version, span), model.PackageName, out _);
}
