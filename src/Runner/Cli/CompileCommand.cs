using System.CommandLine;
using ModelForge.Compiler.Analysis;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Compilation.Delta;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution;
using ModelForge.Runner.Execution.Introspection;
using ModelForge.Runner.Execution.UnitTests;
using ModelForge.Runner.Memo;

namespace ModelForge.Runner.Cli;

/// <summary>
/// `forge compile`: render every selected model to target/compiled/. As in dbt, templates that
/// query (run_query, statement, adapter.get_relation, is_incremental()) see the target's database;
/// the connection opens only when one does, and without it only those nodes fail.
/// </summary>
internal static class CompileCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("compile", "Render models to SQL in target/compiled/ without connecting to the warehouse.");
        shared.AddProjectOptions(command);
        shared.AddSelectionOptions(command);
        command.Options.Add(shared.Empty);
        var inline = new Option<string?>("--inline") { Description = "Compile this query instead of the project's nodes and print the SQL; ref(), source() and macros work in it." };
        command.Options.Add(inline);
        command.SetAction(parse =>
        {
            var memo = new Memo.InvocationMemo(parse, environment, "compile");
            var options = InvocationOptions.From(parse, shared, memo.Environment, "compile");
            if (parse.GetValue(inline) is not { } query)
            {
                if (memo.TryReplay(options) is { } replayed) return replayed;
                var exit = Execute(options, memo.Environment, memo.MayConnect, () => memo.ReadGraph, out var session, out var generation, out var written);
                (memo.DeltaGeneration, memo.WrittenOutputs) = (generation, written);
                return memo.Complete(exit, session, "compiled/", "manifest.json");
            }
            if (options.Select.Count > 0 || options.Exclude.Count > 0 || options.Selector is not null)
            {
                DiagnosticPrinter.Print(environment.Error, [DiagnosticCodes.Commands.InlineWithSelect()]);
                return ExitCodes.UsageOrProject;
            }
            return CompileInline(options, environment, query);
        });
        return command;
    }

    // dbt's `compile --inline`: the query is rendered like a model and printed; nothing is written to target/.
    private static int CompileInline(InvocationOptions options, CliEnvironment environment, string query)
    {
        var session = ProjectSession.Open(options, environment);
        if (session is null) return ExitCodes.UsageOrProject;
        var project = session.Compiled!;
        var diagnostics = new DiagnosticBag();
        var node = InlineNode.Create(project, query, diagnostics);
        if (diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(environment.Error, diagnostics.ToList());
            return ExitCodes.UsageOrProject;
        }
        using var compilers = new IntrospectiveCompilers(project, session.Project.Target);
        try
        {
            var compiled = compilers.Current.Compile(node);
            var errors = SqlValidator.ForTarget(session.Project.Target).Validate(compiled.Text, compiled.Find, node.DefinitionSpan, InlineNode.Path);
            if (errors.Count > 0)
            {
                DiagnosticPrinter.Print(environment.Error, errors);
                return ExitCodes.Failure;
            }
            if (options.LogLevel <= Reporting.LogLevel.Info) environment.Output.WriteLine("Compiled inline node is:");
            environment.Output.WriteLine(compiled.Text);
            return ExitCodes.Success;
        }
        catch (DiagnosticException e)
        {
            DiagnosticPrinter.Print(environment.Error, [e.Diagnostic]);
            return ExitCodes.Failure;
        }
    }

    // Returns through `opened` the session it compiled, for the memo; connections are closed on return.
    // When the compile may connect (is_incremental, run_query...), the database starts opening while
    // the project loads: at 10,000 models its open was on the critical path of the cache check.
    // `generation`: the delta snapshot's (Delta/DeltaSnapshot), when one was written for the memo.
    private static int Execute(InvocationOptions options, CliEnvironment environment, bool mayConnect, Func<bool> readGraph, out ProjectSession? opened, out string? generation,
        out WrittenStamps? written)
    {
        (generation, written) = (null, null);
        var session = opened = ProjectSession.Open(options, environment, openAhead: mayConnect);
        if (session is null) return ExitCodes.UsageOrProject;
        try
        {
            return Execute(session, options, environment, readGraph, out generation, out written);
        }
        finally
        {
            // Closed before the memo records the database file's state.
            session.EndWarmup();
        }
    }

    private static int Execute(ProjectSession session, InvocationOptions options, CliEnvironment environment, Func<bool> readGraph, out string? generation,
        out WrittenStamps? written)
    {
        (generation, written) = (null, null);
        var selected = NodeSelector.Select(session, environment, new HashSet<ResourceType> { ResourceType.Model, ResourceType.Test, ResourceType.UnitTest });
        if (selected is null) return ExitCodes.UsageOrProject;
        var project = session.Compiled!;
        PhaseTimings.Mark("select");

        var errors = new IReadOnlyList<Diagnostic>?[selected.Count];
        var rendered = new bool[selected.Count];
        var compiledCode = new CompiledCode(selected.Count);
        var unitTests = UnitTestCompilerFor(session);
        var skipped = new string?[selected.Count];
        // Each node's path built once (three uses: its folder, its file, the manifest): 19,383 of them at 10,000 models,
        // on both cores (~25 ms on one).
        var paths = new string[selected.Count];
        ParallelLoop.For(selected.Count, i => paths[i] = NodeCompiler.CompiledPath(project, selected[i]));
        var inNewFolder = ArtifactFiles.CreateFolders(session.Project.Root, paths);
        // What each write left: the memo records the compiled files from these rather than a stat each.
        var stamps = new WrittenFile?[selected.Count];
        Task saving;
        Task<Dictionary<string, KeyValuePair<string, string>[]>> recorded;
        using (var compiler = new CachedCompiler(session))
        {
            // One worker per core (ParallelLoop's): a worker builds its own node compiler (a lookup of every node),
            // and more workers than cores only add those and contention, not throughput.
            ParallelLoop.ForInShares(selected.Count, i =>
            {
                var node = selected[i];
                if (node.ResourceType == ResourceType.UnitTest)
                {
                    try
                    {
                        errors[i] = CompileUnitTest(unitTests, node, session.Project.Root, paths[i], out skipped[i]);
                    }
                    catch (DiagnosticException e)
                    {
                        errors[i] = [IntrospectiveCompilers.Locate(e.Diagnostic, node)];
                    }
                    return;
                }
                // The SQL as written (rendered, or recorded when reused) is the manifest's compiled_code.
                var outcome = compiler.Compile(node, paths[i], inNewFolder[i]);
                if (outcome.Errors.Count == 0) compiledCode.Add(node, paths[i], outcome.Text, outcome.Bytes);
                stamps[i] = outcome.Written;
                errors[i] = outcome.Errors.Count > 0 ? outcome.Errors : outcome.Invalid;
                rendered[i] = outcome.Rendered;
            });
            PhaseTimings.Mark("execute-render + write");
            written = new WrittenStamps(Path.Combine(Path.GetFullPath(session.TargetDirectory), "compiled"), session.Project.Root, paths, stamps);
            // What the delta snapshot keeps of each render (macros bound, is_incremental answers), taken before Save
            // re-indexes the entries. Both beside the manifest, not before it: this thread starts the manifest at once
            // (the cache file holds every node's SQL, 16 MB at 10,000 models).
            recorded = Task.Run(() => compiler.RecordedInputs(selected, RenderInputs.BoundMacro, RenderInputs.IncrementalCall));
            saving = recorded.ContinueWith(_ => compiler.Save(), TaskScheduler.Default);
        }
        // What rendering one edited model needs, for the next compile (none when a template read the graph: an edit may change what it saw).
        var deltaPath = Path.Combine(session.TargetDirectory, DeltaSnapshot.FileNameFor("compile"));
        var snapshot = errors.All(e => e is not { Count: > 0 }) && !readGraph()
            ? recorded.ContinueWith(inputs => DeltaSnapshot.Write(deltaPath, project, selected, renders: true, inputs.Result), TaskScheduler.Default)
            : null;
        if (snapshot is null) CacheFile.Delete(deltaPath);
        try
        {
            return Report(session, options, environment, selected, errors, rendered, skipped, compiledCode);
        }
        finally
        {
            generation = snapshot?.Result;
            saving.Wait();
            PhaseTimings.Mark("save compile cache (beside the manifest)");
        }
    }

    private static int Report(ProjectSession session, InvocationOptions options, CliEnvironment environment, IReadOnlyList<ProjectNode> selected,
        IReadOnlyList<Diagnostic>?[] errors, bool[] rendered, string?[] skipped, CompiledCode compiledCode)
    {
        var project = session.Compiled!;
        CachedCompiler.Trace(environment, selected, rendered);
        var failures = errors.Where(e => e is { Count: > 0 }).SelectMany(e => e!).ToList();
        var skippedCount = skipped.Count(s => s is not null);
        if (options.LogLevel <= Reporting.LogLevel.Info)
            foreach (var reason in skipped.OfType<string>()) environment.Output.WriteLine(reason);
        var failedNodes = errors.Count(e => e is { Count: > 0 });
        DiagnosticPrinter.Print(environment.Error, failures);
        try
        {
            // The index lets the next compile after an edit of models alone patch the manifest (Memo/InvocationMemo.Delta.cs).
            var index = new ManifestIndexRecorder();
            CacheFile.Delete(Path.Combine(session.TargetDirectory, ManifestIndex.FileName));
            using (var file = Execution.AtomicFile.Create(Path.Combine(session.TargetDirectory, "manifest.json")))
            {
                ManifestWriter.Write(file.Stream, project, project.Options.InvocationId, DateTimeOffset.UtcNow, null, compiledCode, index: index);
                file.Complete();
            }
            index.Index?.TryWrite(session.TargetDirectory);
            PhaseTimings.Mark("manifest");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DiagnosticPrinter.Print(environment.Error, [ArtifactFiles.Unwritable($"{session.Project.ProjectFile.TargetPath}/manifest.json", e)]);
            return ExitCodes.UsageOrProject;
        }
        if (options.LogLevel <= Reporting.LogLevel.Info) environment.Output.WriteLine($"Compiled {selected.Count - skippedCount - failedNodes} of {selected.Count - skippedCount} nodes to {session.Project.ProjectFile.TargetPath}/compiled/.");
        return failures.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    // Unit tests are cheap to render and read nothing the compile cache tracks, so they are always rendered.
    private static IReadOnlyList<Diagnostic> CompileUnitTest(UnitTestCompiler? compiler, ProjectNode node, string root, string path, out string? skipped)
    {
        skipped = null;
        if (compiler is null)
        {
            skipped = $"Skipped unit test {node.Name}: its SQL is written by forge test (no SQL dialect for this target).";
            return [];
        }
        if (compiler.TryRender(node, out var unknownInput) is not { } sql)
        {
            skipped = $"Skipped unit test {node.Name}: the column types of {unknownInput} come from the warehouse; forge test writes its SQL.";
            return [];
        }
        return ArtifactFiles.TryWrite(root, path, sql + "\n") is { } unwritable ? [unwritable] : [];
    }

    private static UnitTestCompiler? UnitTestCompilerFor(ProjectSession session)
    {
        if (!session.Compiled!.OfType(ResourceType.UnitTest).Any()) return null;
        try
        {
            return new UnitTestCompiler(session.Compiled!, Connections.ConnectionFactory.SqlFor(session.Project.Target));
        }
        catch (DiagnosticException)
        {
            return null;
        }
    }
}
