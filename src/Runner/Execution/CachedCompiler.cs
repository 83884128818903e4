using ModelForge.Compiler.Analysis;
using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Cli;
using ModelForge.Runner.Execution.Introspection;

namespace ModelForge.Runner.Execution;

/// <summary>
/// Renders nodes into target/compiled/ through the persistent compile cache, for `forge compile`
/// and `forge docs generate` alike: a node whose entry still holds keeps its file, unrendered. An
/// entry is stored only for a file that was written and passed the target's validator, so a file
/// reused by either command never hides an error the other would report. Thread-safe per node.
/// </summary>
internal sealed class CachedCompiler : IDisposable
{
    private readonly ProjectSession _session;
    private readonly IntrospectiveCompilers _compilers;
    private readonly SqlValidator _validator;
    private readonly CompileCache _cache;
    private readonly string _cachePath;

    /// <param name="readAhead">The cache as read while the project loaded (Docs.CachePrefetch), taken only if it is this one.</param>
    public CachedCompiler(ProjectSession session, Func<string, string, CompileCache?>? readAhead = null)
    {
        _session = session;
        // As `forge compile`: a connection opens only when a template queries the database.
        _compilers = new IntrospectiveCompilers(session.Compiled!, session.Project.Target);
        // Static validation for the target (T-SQL on sqlserver), so syntax errors surface with no server.
        _validator = SqlValidator.ForTarget(session.Project.Target);
        _cachePath = Path.Combine(session.TargetDirectory, CompileCache.FileName);
        var stamp = Stamp(session);
        _cache = readAhead?.Invoke(_cachePath, stamp) ?? CompileCache.Load(_cachePath, stamp);
    }

    /// <summary>
    /// One node's outcome. Errors: the render or the write failed. Invalid: the target's validator
    /// rejected the SQL (written all the same). Text: the SQL as rendered. Bytes: the SQL as written
    /// (UTF-8), rendered or reused: handed on as it is rather than encoded again. Written: the length and
    /// time the write left, when the file was written here and stamped.
    /// </summary>
    public readonly record struct Outcome(IReadOnlyList<Diagnostic> Errors, IReadOnlyList<Diagnostic> Invalid, bool Rendered, string? Text, ReadOnlyMemory<byte>? Bytes = null,
        WrittenFile? Written = null)
    {
        /// <summary>The SQL, rendered or reused, as text; null when there is none.</summary>
        // Decoded as written (ArtifactFiles: UTF-8, no BOM), so a leading U+FEFF survives.
        public string? Sql => Text ?? (Bytes is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes.Span) : null);
    }

    [ThreadStatic] private static RenderInputs? t_inputs;

    /// <summary>Compiles <paramref name="node"/> unless its cached file holds.</summary>
    public Outcome Compile(ProjectNode node) => Compile(node, NodeCompiler.CompiledPath(_session.Compiled!, node));

    /// <summary>
    /// As <see cref="Compile(ProjectNode)"/>, with the node's <see cref="NodeCompiler.CompiledPath"/> already known;
    /// <paramref name="isNew"/>: its folder was just made (<see cref="ArtifactFiles.CreateFolders"/>).
    /// </summary>
    public Outcome Compile(ProjectNode node, string path, bool isNew = false)
    {
        try
        {
            var root = _session.Project.Root;
            // A file gone or changed since the last compile fails the check, is rendered again below, and its entry replaced.
            if (_cache.TryReuse(_compilers.Current, node, root, path, out var bytes)) return new([], [], false, null, bytes);
            // One record per thread, cleared per node: the cache's Store copies what it keeps.
            var inputs = t_inputs ??= new RenderInputs();
            inputs.Clear();
            // Compile (not Render): positions map through inlined ephemeral CTEs to their own files.
            var compiled = _compilers.Current.Compile(node, inputs);
            // Encoded once: the file, the cache and the manifest all take these bytes.
            var code = System.Text.Encoding.UTF8.GetBytes(compiled.Text);
            if (ArtifactFiles.TryWrite(root, path, code, out var written, isNew) is { } unwritable)
                return new([unwritable], [], true, compiled.Text);
            var invalid = node.ResourceType == ResourceType.Model ? _validator.Validate(compiled.Text, compiled.Find, node.DefinitionSpan, path) : [];
            var stored = invalid.Count == 0
                && (written is { } stamp ? _cache.Store(node, inputs, stamp.Length, stamp.WrittenTicks, code) : _cache.Store(node, inputs, Path.Combine(root, path), code));
            // What a render not kept bound is not known per node to a delta: those macros are pinned (DeltaMacros).
            if (!stored)
            {
                foreach (var key in inputs.BoundMacros) _session.Compiled!.Macros.NoteBoundUnrecorded(key);
            }
            return new([], invalid, true, compiled.Text, code, written);
        }
        catch (DiagnosticException e)
        {
            return new([IntrospectiveCompilers.Locate(e.Diagnostic, node)], [], true, null);
        }
    }

    /// <summary>What the renders of <paramref name="nodes"/> recorded, of the kinds <paramref name="prefixes"/> name (<see cref="CompileCache.RecordedInputs"/>); before <see cref="Save"/>.</summary>
    public Dictionary<string, KeyValuePair<string, string>[]> RecordedInputs(IEnumerable<ProjectNode> nodes, params string[] prefixes) =>
        _cache.RecordedInputs(nodes.Select(n => n.UniqueId), prefixes);

    /// <summary>Writes the cache for the next command; a failure to write only loses it.</summary>
    public void Save() => _cache.Save(_cachePath);

    /// <summary>FORGE_CACHE_TRACE=1 names on stderr every node rendered rather than reused (the cache's tests read it).</summary>
    public static void Trace(CliEnvironment environment, IReadOnlyList<ProjectNode> nodes, IReadOnlyList<bool> rendered)
    {
        if (environment.GetEnvironmentVariable("FORGE_CACHE_TRACE") != "1") return;
        // Not kept by the memo: a replay renders nothing, so it must not repeat these lines.
        var error = Memo.CapturingWriter.Uncaptured(environment.Error);
        var ids = nodes.Where((_, i) => rendered[i]).Select(n => n.UniqueId).Order(StringComparer.Ordinal).ToList();
        error.WriteLine($"compile cache: reused {nodes.Count - ids.Count} of {nodes.Count}, rendered {ids.Count}");
        foreach (var id in ids) error.WriteLine($"compile cache: rendered {id}");
    }

    public void Dispose() => _compilers.Dispose();

    // What the cache must be rebuilt for: this build of forge (its code decides every output) and the kind of target.
    private static string Stamp(ProjectSession session) => BuildStamp + session.Project.Target.Type;

    /// <summary>This build's part of every stamp: a cache from another build is not worth reading ahead.</summary>
    public static string BuildStamp =>
        $"{typeof(CompileCache).Assembly.ManifestModule.ModuleVersionId}|{typeof(CachedCompiler).Assembly.ManifestModule.ModuleVersionId}|";
}
