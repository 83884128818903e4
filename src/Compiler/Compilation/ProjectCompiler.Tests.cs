using ModelForge.Compiler.Compilation.DataTests;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

public static partial class ProjectCompiler
{
    // dbt's default custom schema for tests: failures are stored in <target schema>_dbt_test__audit.
    private const string AuditSchema = "dbt_test__audit";

    /// <summary>
    /// Queues the parse render of generic tests from schema YAML and of singular tests from
    /// test-paths; <paramref name="attachable"/> holds the enabled nodes a test can attach to.
    /// </summary>
    private static void AddDataTests(LoadedProject project, TemplateEngine engine, ProjectRenderInfo parseInfo, ParseResolver resolver,
        IReadOnlySet<string> attachable, NodeQueue queue, DiagnosticBag diagnostics)
    {
        var namer = new RelationNamer(parseInfo, parseInfo.Target);
        var builtins = new BuiltinTestCalls(parseInfo.Macros);
        // Many tests share a YAML file: its fqn folders are worked out once.
        var yamlFolders = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var declaration in project.Schema.Tests)
        {
            var attachedId = AttachedId(project, declaration);
            // dbt drops the tests of a disabled node, and of a YAML entry without a node (the loader warns about those).
            if (!attachable.Contains(attachedId)) continue;
            var path = declaration.Span.Path;
            if (!yamlFolders.TryGetValue(path, out var folders)) yamlFolders[path] = folders = YamlFolders(project, path);
            queue.Render(() => Enabled(GenericTest(project, engine, parseInfo, resolver, namer, builtins, declaration, attachedId, folders, diagnostics)));
        }
        foreach (var file in project.SingularTests)
            queue.Render(() => Enabled(SingularTest(project, engine, parseInfo, resolver, namer, file, diagnostics)));
    }

    private static NodeQueue.Made Enabled(ProjectNode? test) => new(test, test?.Config.Enabled ?? false);

    /// <summary>The package that declares a test: the YAML's package (<see cref="TestDeclaration.PackageName"/>) or the root project.</summary>
    private static string DeclaringPackage(LoadedProject project, TestDeclaration declaration) =>
        declaration.PackageName ?? project.ProjectFile.Name;

    private static string AttachedId(LoadedProject project, TestDeclaration declaration)
    {
        var package = DeclaringPackage(project, declaration);
        var attachment = declaration.AttachedTo;
        return attachment.SourceName is { } source
            ? $"source.{package}.{source}.{attachment.Name}"
            : $"{ResourceTypeNames.Of(attachment.ResourceType)}.{package}.{attachment.Name}";
    }

    private static ProjectNode? GenericTest(LoadedProject project, TemplateEngine engine, ProjectRenderInfo parseInfo, ParseResolver resolver,
        RelationNamer namer, BuiltinTestCalls builtins, TestDeclaration declaration, string attachedId, string[] folders, DiagnosticBag diagnostics)
    {
        var package = DeclaringPackage(project, declaration);
        if (TestMacroResolver.Callee(parseInfo.Macros, declaration, package, out var unknown) is not { } callee)
        {
            diagnostics.Add(unknown!);
            return null;
        }
        if (declaration.Arguments.ContainsKey("model"))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TestArgumentNamedModel,
                string.Format(DiagnosticCodes.TestArgumentNamedModelMessage, declaration.Name, declaration.AttachedTo),
                declaration.Span, DiagnosticCodes.TestArgumentNamedModelHint));
            return null;
        }

        var columnName = TestedColumn(project, parseInfo, declaration);
        var attachment = declaration.AttachedTo;
        var call = GenericTestCall.Build(callee, attachment, columnName, declaration.Arguments);
        var kwargs = call.Kwargs;
        var modelKwarg = GenericTestCall.ModelKwarg(attachment);
        var manifestKwargs = TestMetadata.ManifestKwargsOf(kwargs, modelKwarg);
        // dbt: <namespace>_[source_]<test>_<node>_<arguments>; sources are named <source>_<table>.
        var target = attachment.SourceName is { } source ? $"{source}_{attachment.Name}" : attachment.Name;
        var testType = (declaration.Namespace is { } prefix ? prefix + "_" : "") + (attachment.SourceName is null ? "" : "source_") + declaration.Name;
        var (shortName, fullName) = TestNamer.Names(testType, target, manifestKwargs);
        var name = declaration.CustomName ?? fullName;
        var compiledName = declaration.CustomName ?? shortName;

        // The engine's cache hands every test with a shared call text one parsed template.
        var parseBag = new DiagnosticBag();
        var template = engine.Parse(new SourceText(call.Shared ? GenericTestCall.SharedPath : declaration.Span.Path, call.Text), parseBag);
        var metadata = new TestMetadata
        {
            TestName = declaration.Name, Namespace = declaration.Namespace, ColumnName = columnName,
            Arguments = declaration.Arguments, AttachedNodeId = attachedId, Span = declaration.Span, Generated = template.Source, Kwargs = kwargs,
            ModelKwarg = modelKwarg, CompiledName = compiledName, Description = declaration.Description,
            ModelArgument = GenericTestCall.ModelArgument(attachment), Calls = call.Calls,
        };
        if (template.HasErrors)
        {
            foreach (var error in parseBag.ToList()) diagnostics.Add(RenderFailed(metadata, error));
            return null;
        }

        var uniqueId = $"test.{package}.{name}.{TestHash.Of(name, declaration.Name, declaration.Namespace, manifestKwargs)}";
        var rendered = declaration;
        if (TestConfigRenderer.HasJinja(declaration))
        {
            var configInfo = new NodeRenderInfo { UniqueId = uniqueId, Name = name, ResourceType = "test", PackageName = package, FilePath = declaration.Span.Path };
            if (TestConfigRenderer.Render(engine, parseInfo, configInfo, declaration, diagnostics) is not { } renderedConfig) return null;
            rendered = renderedConfig;
        }
        var config = TestConfig(project, rendered, declaration);
        var configTags = config["tags"];
        // A generated name of 64 characters or more is stored under its short md5 form, as in dbt.
        if (declaration.CustomName is null && shortName != fullName && !declaration.Config.ContainsKey("alias")) config["alias"] = shortName;
        var info = new NodeRenderInfo
        {
            UniqueId = uniqueId, Name = name, ResourceType = "test", PackageName = package,
            FilePath = declaration.Span.Path, Config = config, Phase = RenderPhase.Parse,
        };
        if ((builtins.Calls(declaration, kwargs, config) ?? ParseRender(engine, template, parseInfo, resolver, info,
            d => diagnostics.Add(RenderFailed(metadata, d)), metadata.Bind)) is not var (renderedRefs, renderedSources)) return null;
        // The written-out call's literal ref()s were found by StaticRefScan after an undefined name; the shared call's are data.
        var (refs, sources) = LiteralCall.AddMissing(call.Calls, renderedRefs, renderedSources, declaration.Span);
        // A config() call in the test's macro sets defaults; what the YAML declaration says wins, as in dbt.
        // Tags accumulate instead: the column's, the macro's and the declaration's.
        foreach (var (key, value) in rendered.Config)
        {
            if (key != "tags") config[key] = value;
        }
        // TestConfig leaves the tags a list of distinct strings: unless the render's config() replaced it, the declaration's join it there.
        if (config["tags"] is not List<object?> tags || !ReferenceEquals(tags, configTags))
        {
            tags = [];
            AddDistinct(tags, NodeConfig.Strings(config.GetValueOrDefault("tags")));
            config["tags"] = tags;
        }
        AddDistinct(tags, TagList(rendered.Config.GetValueOrDefault("tags")));
        var finalConfig = new NodeConfig(config, ResourceType.Test);
        var draft = new ProjectNode
        {
            UniqueId = uniqueId, Name = name, ResourceType = ResourceType.Test, PackageName = package,
            Path = declaration.Span.Path, Fqn = TestFqn(package, folders, name), Config = finalConfig,
            Relation = new Relation(null, null, name, null, parseInfo.EffectiveQuoting), Template = template, Test = metadata,
            Refs = Relocated(refs, metadata, static (r, span) => r with { Span = span }, static r => r.Span),
            Sources = Relocated(sources, metadata, static (s, span) => s with { Span = span }, static s => s.Span),
        };
        return Named(draft, namer, diagnostics);
    }

    /// <summary>A column with <c>quote: true</c> is tested (and named) by its quoted name, as dbt does.</summary>
    private static string? TestedColumn(LoadedProject project, ProjectRenderInfo parseInfo, TestDeclaration declaration)
    {
        if (declaration.ColumnName is not { } column) return null;
        var attachment = declaration.AttachedTo;
        var columns = attachment.SourceName is { } source
            ? project.Schema.FindSourceTable(source, attachment.Name)?.Columns
            : project.Schema.Find(attachment.ResourceType, attachment.Name)?.Columns;
        // Only a test declared under the column: a node-level test's column_name argument is passed as written.
        var declaredOn = DeclaredUnder(columns ?? [], column, declaration);
        return declaredOn?.Quote == true ? parseInfo.EffectiveQuoting.Quote(column) : column;
    }

    /// <summary>The column named <paramref name="name"/> that lists <paramref name="declaration"/> among its tests.</summary>
    private static ColumnProperties? DeclaredUnder(IReadOnlyList<ColumnProperties> columns, string? name, TestDeclaration declaration)
    {
        // Indexed loops: a foreach over these interfaces allocates an enumerator, twice per test.
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            if (column.Name != name) continue;
            for (var t = 0; t < column.Tests.Count; t++)
            {
                if (ReferenceEquals(column.Tests[t], declaration)) return column;
            }
        }
        return null;
    }

    /// <summary>The calls with spans inside the generated call moved to the YAML declaration; the same list when none is.</summary>
    private static IReadOnlyList<T> Relocated<T>(IReadOnlyList<T> calls, TestMetadata metadata, Func<T, SourceSpan, T> withSpan, Func<T, SourceSpan> spanOf)
    {
        List<T>? moved = null;
        for (var i = 0; i < calls.Count; i++)
        {
            var span = metadata.Relocate(spanOf(calls[i]));
            if (moved is null && span == spanOf(calls[i])) continue;
            if (moved is null)
            {
                moved = new List<T>(calls.Count);
                for (var j = 0; j < i; j++) moved.Add(calls[j]);
            }
            moved.Add(span == spanOf(calls[i]) ? calls[i] : withSpan(calls[i], span));
        }
        return moved ?? calls;
    }

    /// <summary>Adds the tags not there yet, in order (tag lists are short: a scan beats a set).</summary>
    private static void AddDistinct(List<object?> tags, IEnumerable<string> more)
    {
        foreach (var tag in more)
        {
            if (!tags.Contains(tag)) tags.Add(tag);
        }
    }

    /// <summary>
    /// The test's config from the data_tests tree and its declaration, plus the tags dbt gives a generic
    /// test: its column's tags (and column config tags) for a test declared under a column, and for
    /// tests on sources the source's and table's <c>tags:</c>. A model's own tags are not inherited.
    /// </summary>
    /// <param name="declared">The declaration as the schema holds it, to find the column it is declared under.</param>
    private static Dictionary<string, object?> TestConfig(LoadedProject project, TestDeclaration declaration, TestDeclaration declared)
    {
        var config = project.Configs.ResolveMutable(declaration);
        var attachment = declaration.AttachedTo;
        var tags = new List<object?>();
        AddDistinct(tags, NodeConfig.Strings(config.GetValueOrDefault("tags")));
        IReadOnlyList<ColumnProperties> columns;
        if (attachment.SourceName is { } source && project.Schema.FindSourceTable(source, attachment.Name) is { } table)
        {
            columns = table.Columns;
            foreach (var definition in project.Schema.Sources)
            {
                if (definition.Name != source) continue;
                AddDistinct(tags, definition.Tags);
                break;
            }
            AddDistinct(tags, table.Tags);
        }
        else
        {
            columns = project.Schema.Find(attachment.ResourceType, attachment.Name)?.Columns ?? [];
        }
        if (DeclaredUnder(columns, declaration.ColumnName, declared) is { } column)
        {
            AddDistinct(tags, column.Tags);
            AddDistinct(tags, ColumnConfigTags(column));
        }
        config["tags"] = tags;
        config.TryAdd("schema", AuditSchema);
        return config;
    }

    private static IEnumerable<string> ColumnConfigTags(ColumnProperties column) =>
        column.Raw.GetValueOrDefault("config") is IReadOnlyDictionary<string, object?> config ? TagList(config.GetValueOrDefault("tags")) : [];

    /// <summary>A tags value as dbt accepts it: one string or a list of strings.</summary>
    private static IEnumerable<string> TagList(object? tags) => tags switch
    {
        string tag => [tag],
        IEnumerable<object?> list => list.OfType<string>(),
        _ => [],
    };

    private static ProjectNode? SingularTest(LoadedProject project, TemplateEngine engine, ProjectRenderInfo parseInfo, ParseResolver resolver,
        RelationNamer namer, ProjectFileEntry file, DiagnosticBag diagnostics)
    {
        var template = engine.Parse(file.Source, diagnostics);
        if (template.HasErrors) return null;
        var config = new Dictionary<string, object?>(project.Configs.Resolve(file), StringComparer.Ordinal);
        config.TryAdd("schema", AuditSchema);
        var draft = Draft(project, file, ResourceType.Test, new NodeConfig(config, ResourceType.Test), template);
        var info = new NodeRenderInfo
        {
            UniqueId = draft.UniqueId, Name = draft.Name, ResourceType = "test", PackageName = draft.PackageName,
            FilePath = draft.Path, Config = config, Phase = RenderPhase.Parse,
        };
        if (ParseRender(engine, template, parseInfo, resolver, info, diagnostics.Add) is not var (refs, sources)) return null;
        var withCalls = new ProjectNode
        {
            UniqueId = draft.UniqueId, Name = draft.Name, ResourceType = ResourceType.Test, PackageName = draft.PackageName,
            Path = draft.Path, Fqn = draft.Fqn, Config = new NodeConfig(config, ResourceType.Test), Relation = draft.Relation,
            File = file, Template = template, Refs = refs, Sources = sources,
        };
        return Named(withCalls, namer, diagnostics);
    }

    /// <summary>The node with the relation its failures are stored in (<c>&lt;target schema&gt;_dbt_test__audit.&lt;name&gt;</c>).</summary>
    private static ProjectNode? Named(ProjectNode draft, RelationNamer namer, DiagnosticBag diagnostics)
    {
        try
        {
            var relation = namer.Name(draft, draft.Config, RelationType.Table);
            return new ProjectNode
            {
                UniqueId = draft.UniqueId, Name = draft.Name, ResourceType = draft.ResourceType, PackageName = draft.PackageName,
                Path = draft.Path, Fqn = draft.Fqn, Config = draft.Config, Relation = relation, File = draft.File,
                LazyTemplate = draft.LazyTemplate, Refs = draft.Refs, Sources = draft.Sources, Test = draft.Test,
            };
        }
        catch (DiagnosticException e)
        {
            diagnostics.Add(e.Diagnostic);
            return null;
        }
    }

    /// <summary>[project, folders of the YAML file below its resource path…, test name], as dbt builds a test's fqn.</summary>
    private static FqnParts TestFqn(string package, IReadOnlyList<string> folders, string name) => new(package, folders, name);

    /// <summary>The folders of a YAML file below its resource path (models/staging/_schema.yml → [staging]).</summary>
    private static string[] YamlFolders(LoadedProject project, string yamlPath)
    {
        var folders = yamlPath.Split('/')[..^1];
        var file = project.ProjectFile;
        var roots = file.ModelPaths.Concat(file.SeedPaths).Concat(file.SnapshotPaths).Concat(file.TestPaths);
        var skip = roots.FirstOrDefault(r => yamlPath.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal)) is { } root
            ? root.TrimEnd('/').Split('/').Length
            : 0;
        return folders.Skip(skip).ToArray();
    }

    /// <summary>A problem inside the generated call is reported at the YAML declaration, with the original message.</summary>
    private static Diagnostic RenderFailed(TestMetadata metadata, Diagnostic inner)
    {
        if (inner.Span is { } span && metadata.Relocate(span) == span) return metadata.Relocate(inner);
        return Diagnostic.Error(DiagnosticCodes.GenericTestRenderFailed,
            string.Format(DiagnosticCodes.GenericTestRenderFailedMessage, metadata.TestName, metadata.AttachedNodeId, inner.Message),
            metadata.Span, inner.Hint ?? DiagnosticCodes.GenericTestRenderFailedHint, inner.Detail) with { Frames = inner.Frames };
    }
}
