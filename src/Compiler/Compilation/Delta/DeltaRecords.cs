using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Compilation.Ephemeral;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation.Delta;

/// <summary>
/// The bytes of a <see cref="DeltaSnapshot"/>: values with their exact types (<see cref="ExactValues"/>);
/// a project or model holding anything else is not recorded. A model refers to relations by their index in the
/// snapshot's table, each relation written once, part by part.
/// </summary>
internal static class DeltaRecords
{
    /// <summary>What the compile's renders shared, or null when it cannot be kept (--empty, --defer, a value not kept).</summary>
    public static DeltaProject? ProjectOf(CompiledProject project)
    {
        var options = project.Options;
        if (options.Empty || project.DeferredRelations.Count > 0) return null;
        var loaded = project.Project;
        return new DeltaProject
        {
            ProjectName = project.Name,
            ProjectRoot = loaded.Root,
            TargetPath = loaded.ProjectFile.TargetPath,
            Packages = loaded.WithPackages.Select(u => u.Name).ToList(),
            MissingPackages = project.Macros.MissingPackages,
            MacroFiles = MacroFiles(loaded),
            Vars = new Dictionary<string, object?>(loaded.Vars, StringComparer.Ordinal),
            PackageVars = loaded.Packages.ToDictionary(p => p.Name, p => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(p.Vars, StringComparer.Ordinal), StringComparer.Ordinal),
            DispatchSearchOrder = PackageChecks.DispatchSearchOrder(loaded.ProjectFile),
            Target = ProjectCompiler.TargetInfoOf(loaded),
            FullRefresh = options.FullRefresh,
            StoreFailures = options.StoreFailures,
            StaticParse = options.StaticParse,
            Command = options.Command,
            SqlServerVersion = (loaded.Target as SqlServerTargetProfile)?.SqlServerVersion,
        };
    }

    // A loop, not LINQ over tuples: a generic instantiation that no precompiled form holds is compiled at run time.
    private static List<DeltaMacroFile> MacroFiles(Project.LoadedProject loaded)
    {
        var files = new List<DeltaMacroFile>();
        foreach (var unit in loaded.WithPackages)
        {
            foreach (var file in unit.Macros) files.Add(new DeltaMacroFile(unit.Name, file.Source.Path, Path.GetFullPath(Path.Combine(loaded.Root, file.Path))));
        }
        return files;
    }

    /// <summary>The project's record, or null when a value in it is not kept.</summary>
    public static byte[]? WriteProject(DeltaProject project)
    {
        var record = RecordWriter.Rent();
        try
        {
            return TryWriteProject(record, project) ? record.ToArray() : null;
        }
        finally
        {
            record.Return();
        }
    }

    private static bool TryWriteProject(RecordWriter writer, DeltaProject project)
    {
        writer.Write(project.ProjectName);
        writer.Write(project.ProjectRoot);
        writer.Write(project.TargetPath);
        Strings(writer, project.Packages);
        writer.Write(project.MissingPackages.Count);
        foreach (var (name, reason) in project.MissingPackages)
        {
            writer.Write(name);
            writer.Write(reason);
        }
        writer.Write(project.MacroFiles.Count);
        foreach (var (package, path, fullPath) in project.MacroFiles)
        {
            writer.Write(package);
            writer.Write(path);
            writer.Write(fullPath);
        }
        if (!Mapping(writer, project.Vars)) return false;
        writer.Write(project.PackageVars.Count);
        foreach (var (package, vars) in project.PackageVars)
        {
            writer.Write(package);
            if (!Mapping(writer, vars)) return false;
        }
        writer.Write(project.DispatchSearchOrder.Count);
        foreach (var (space, packages) in project.DispatchSearchOrder)
        {
            writer.Write(space);
            Strings(writer, packages);
        }
        var target = project.Target;
        writer.Write(target.Name);
        writer.Write(target.Type);
        writer.Write(target.Schema);
        Optional(writer, target.Database);
        writer.Write(target.Threads);
        writer.Write(target.ProfileName);
        if (!Mapping(writer, target.Extra)) return false;
        writer.Write(project.FullRefresh);
        writer.Write(project.StoreFailures);
        writer.Write(project.StaticParse);
        writer.Write(project.Command);
        Optional(writer, project.SqlServerVersion);
        return true;
    }

    public static DeltaProject ReadProject(ReadOnlySpan<byte> bytes)
    {
        var reader = new RecordReader(bytes);
        var name = reader.ReadString();
        var root = reader.ReadString();
        var targetPath = reader.ReadString();
        var packages = Strings(ref reader);
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = reader.ReadCount(); n > 0; n--) missing[reader.ReadString()] = reader.ReadString();
        var macros = new List<DeltaMacroFile>();
        for (var n = reader.ReadCount(); n > 0; n--) macros.Add(new DeltaMacroFile(reader.ReadString(), reader.ReadString(), reader.ReadString()));
        var vars = Mapping(ref reader);
        var packageVars = new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal);
        for (var n = reader.ReadCount(); n > 0; n--) packageVars[reader.ReadString()] = Mapping(ref reader);
        var dispatch = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var n = reader.ReadCount(); n > 0; n--) dispatch[reader.ReadString()] = Strings(ref reader);
        var target = new TargetInfo(reader.ReadString(), reader.ReadString(), reader.ReadString(), Optional(ref reader), reader.ReadInt32(), reader.ReadString())
        {
            Extra = Mapping(ref reader),
        };
        var project = new DeltaProject
        {
            ProjectName = name,
            ProjectRoot = root,
            TargetPath = targetPath,
            Packages = packages,
            MissingPackages = missing,
            MacroFiles = macros,
            Vars = vars,
            PackageVars = packageVars,
            DispatchSearchOrder = dispatch,
            Target = target,
            FullRefresh = reader.ReadBoolean(),
            StoreFailures = reader.ReadBoolean(),
            StaticParse = reader.ReadBoolean(),
            Command = reader.ReadString(),
            SqlServerVersion = Optional(ref reader),
        };
        if (!reader.AtEnd) throw new FormatException("trailing bytes in a compile delta's project");
        return project;
    }

    /// <summary>
    /// A model's record, or null when its render cannot be replayed from one (ephemeral refs, a value not kept...).
    /// Relations are written as indexes given by <paramref name="relations"/> (a table written once per snapshot);
    /// without it (null: commands that do not render) only the model's identity and shape are kept.
    /// </summary>
    public static byte[]? WriteModel(CompiledProject project, ProjectNode node, Func<Relation, int>? relations, bool? incremental = null)
    {
        if (ShapeOf(node) is not { } shape) return null;
        if (EphemeralResolver.IsEphemeral(node) || Microbatch.MicrobatchConfig.IsMicrobatch(node)) return null;
        // A parse-rendered model's render starts from its config before render, as its own project (a package's
        // model: the package's) resolves it; a versioned model's is not its file's.
        var parseConfig = node.StaticCalls is null && node.File is { } file && node.ModelVersion is null
            && project.Project.WithPackages.FirstOrDefault(u => u.Name == node.PackageName) is { } unit
            ? unit.Configs.ResolveBeforeRenderMutable(file)
            : null;
        if (node.StaticCalls is null && parseConfig is null) return null;
        var writer = RecordWriter.Rent();
        try
        {
            writer.Write(node.UniqueId);
            writer.Write(node.Name);
            writer.Write(node.PackageName);
            writer.Write(node.Path);
            // A compiled path follows from the package and path (DefaultCompiledPath) but for a package's model,
            // whose path in its own project differs: written then only.
            Optional(writer, node.OriginalFilePath is null ? null : NodeCompiler.CompiledPath(project, node));
            writer.WriteBytes(shape);
            writer.Write(parseConfig is not null);
            if (parseConfig is not null)
            {
                // Nested: read back as bytes, decoded afresh for each render (which may change the config it is given).
                if (MappingBytes(parseConfig) is not { } bytes) return null;
                writer.WriteBytes(bytes);
            }
            writer.Write(relations is not null);
            if (relations is null) return writer.ToArray();
            if (!Relation(relations, writer, node.Relation) || !Mapping(writer, node.Config, node.Config.Count)) return null;
            writer.Write(node.Refs.Count);
            foreach (var call in node.Refs)
            {
                var target = project.Lookup.ResolveRef(call, node.PackageName, out _);
                if (target is null || EphemeralResolver.IsEphemeral(target)) return null;
                Optional(writer, call.Package);
                writer.Write(call.Name);
                if (!ExactValues.Write(writer, call.Version?.Value) || !Relation(relations, writer, target.Relation)) return null;
            }
            writer.Write(node.Sources.Count);
            foreach (var call in node.Sources)
            {
                if (project.Lookup.ResolveSource(call, node.PackageName, out _) is not { } source) return null;
                writer.Write(call.Source);
                writer.Write(call.Table);
                if (!Relation(relations, writer, source.Relation)) return null;
            }
            writer.Write(incremental is { } answer ? (answer ? 1 : 0) : -1);
            return writer.ToArray();
        }
        finally
        {
            writer.Return();
        }
    }

    /// <summary>A model's record as <see cref="WriteModel"/> wrote it; relations by index from <paramref name="relations"/>.</summary>
    public static DeltaModel ReadModel(ReadOnlySpan<byte> bytes, Func<int, Relation> relations, string targetPath)
    {
        var reader = new RecordReader(bytes);
        var uniqueId = reader.ReadString();
        var name = reader.ReadString();
        var package = reader.ReadString();
        var path = reader.ReadString();
        var compiledPath = Optional(ref reader) ?? DefaultCompiledPath(targetPath, package, path);
        var shape = reader.ReadBytes().ToArray();
        Func<Dictionary<string, object?>>? parseConfig = null;
        if (reader.ReadBoolean())
        {
            var kept = reader.ReadBytes().ToArray();
            parseConfig = () =>
            {
                var again = new RecordReader(kept);
                return Mapping(ref again);
            };
        }
        Relation? self = null;
        var config = new Dictionary<string, object?>(StringComparer.Ordinal);
        var refs = new List<DeltaRef>();
        var sources = new List<DeltaSource>();
        bool? incremental = null;
        if (reader.ReadBoolean())
        {
            self = relations(reader.ReadInt32());
            config = Mapping(ref reader);
            for (var n = reader.ReadCount(); n > 0; n--) refs.Add(new DeltaRef(Optional(ref reader), reader.ReadString(), ExactValues.Read(ref reader), relations(reader.ReadInt32())));
            for (var n = reader.ReadCount(); n > 0; n--) sources.Add(new DeltaSource(reader.ReadString(), reader.ReadString(), relations(reader.ReadInt32())));
            incremental = reader.ReadInt32() switch { 1 => true, 0 => false, -1 => null, _ => throw new FormatException("a delta's incremental answer") };
        }
        if (!reader.AtEnd) throw new FormatException("trailing bytes in a delta's model");
        return new DeltaModel
        {
            UniqueId = uniqueId, Name = name, PackageName = package, Path = path, CompiledPath = compiledPath, Shape = shape, ParseConfig = parseConfig,
            This = self, Config = config, Refs = refs, Sources = sources, Incremental = incremental,
        };
    }

    /// <summary>
    /// The shape of what decided a model's config, refs and sources: its static parse, or its parse render as the static
    /// parse memo recorded it (without what the render read); null when neither was kept.
    /// </summary>
    public static byte[]? ShapeOf(ProjectNode node) => node.StaticCalls is { } calls ? StaticParseMemo.ShapeOf(calls)
        : node.RenderedCalls is { } rendered ? ShapeOfRender(rendered) : null;

    /// <summary>A parse render's calls as a shape (what <see cref="StaticParseMemo.ShapeOf"/> gives the static parser's).</summary>
    public static byte[]? ShapeOfRender(StaticParser.Calls rendered)
    {
        var calls = new StaticParser.Calls { IncrementalChecks = rendered.IncrementalChecks };
        calls.Configs.AddRange(rendered.Configs);
        calls.AddRange(rendered.Refs, rendered.Sources);
        return StaticParseMemo.ShapeOf(calls);
    }

    private static string DefaultCompiledPath(string targetPath, string package, string path) => $"{targetPath}/compiled/{package}/{path}";

    // A relation as its index in the snapshot's table (-1: not in it); one being filtered (a microbatch window,
    // --empty) or not in the table is not kept.
    private static bool Relation(Func<Relation, int> relations, RecordWriter writer, Relation relation)
    {
        if (relation.EventTimeFilter is not null || relation.EmptyForm is not null || relations(relation) is not (>= 0 and var index)) return false;
        writer.Write(index);
        return true;
    }

    /// <summary>One entry of the snapshot's relation table.</summary>
    public static byte[] WriteRelation(Relation relation)
    {
        var writer = RecordWriter.Rent();
        try
        {
            Relation(writer, relation);
            return writer.ToArray();
        }
        finally
        {
            writer.Return();
        }
    }

    public static Relation ReadRelation(ReadOnlySpan<byte> bytes)
    {
        var reader = new RecordReader(bytes);
        var relation = Relation(ref reader);
        if (!reader.AtEnd) throw new FormatException("trailing bytes in a delta's relation");
        return relation;
    }

    // A relation part by part.
    private static void Relation(RecordWriter writer, Relation relation)
    {
        Optional(writer, relation.Database);
        Optional(writer, relation.Schema);
        Optional(writer, relation.Identifier);
        Optional(writer, relation.Type);
        var quoting = relation.Quoting;
        writer.Write(quoting.OpenQuote);
        writer.Write(quoting.CloseQuote);
        writer.Write(quoting.IncludeDatabase);
        writer.Write(quoting.QuoteDatabase);
        writer.Write(quoting.QuoteSchema);
        writer.Write(quoting.QuoteIdentifier);
        writer.Write(quoting.RelationClass);
        writer.Write(relation.IncludeSchema);
        writer.Write(relation.IncludeIdentifier);
        Optional(writer, relation.External);
        writer.Write(relation.RequireAlias);
    }

    private static Relation Relation(ref RecordReader reader)
    {
        var (database, schema, identifier, type) = (Optional(ref reader), Optional(ref reader), Optional(ref reader), Optional(ref reader));
        var quoting = new RelationQuoting(reader.ReadString(), reader.ReadString(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadBoolean())
        {
            RelationClass = reader.ReadString(),
        };
        return new Relation(database, schema, identifier, type, quoting)
        {
            IncludeSchema = reader.ReadBoolean(),
            IncludeIdentifier = reader.ReadBoolean(),
            External = Optional(ref reader),
            RequireAlias = reader.ReadBoolean(),
        };
    }

    // A top-level dictionary by its entries (vars, settings, a config); read back as an ordinal one.
    private static bool Mapping(RecordWriter writer, IReadOnlyDictionary<string, object?> entries) => Mapping(writer, entries, entries.Count);

    private static bool Mapping(RecordWriter writer, IEnumerable<KeyValuePair<string, object?>> entries, int count)
    {
        writer.Write(count);
        foreach (var (key, value) in entries)
        {
            writer.Write(key);
            if (!ExactValues.Write(writer, value)) return false;
        }
        return true;
    }

    private static byte[]? MappingBytes(IReadOnlyDictionary<string, object?> entries)
    {
        var writer = RecordWriter.Rent();
        try
        {
            return Mapping(writer, entries) ? writer.ToArray() : null;
        }
        finally
        {
            writer.Return();
        }
    }

    private static Dictionary<string, object?> Mapping(ref RecordReader reader)
    {
        var count = reader.ReadCount();
        var mapping = new Dictionary<string, object?>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            mapping[key] = ExactValues.Read(ref reader);
        }
        return mapping;
    }

    private static void Strings(RecordWriter writer, IReadOnlyList<string> items)
    {
        writer.Write(items.Count);
        foreach (var item in items) writer.Write(item);
    }

    private static List<string> Strings(ref RecordReader reader)
    {
        var items = new List<string>();
        for (var n = reader.ReadCount(); n > 0; n--) items.Add(reader.ReadString());
        return items;
    }

    private static void Optional(RecordWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null) writer.Write(text);
    }

    private static string? Optional(ref RecordReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
