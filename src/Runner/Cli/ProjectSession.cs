using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Graph.Selection;
using ModelForge.Compiler.State;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Reporting;

namespace ModelForge.Runner.Cli;

/// <summary>
/// A project loaded (and usually compiled) for one command. Opening it prints every problem found,
/// with file, line and column; a project with errors does not open (exit code 2).
/// </summary>
internal sealed class ProjectSession : IDisposable
{
    private Connections.ConnectionWarmup? _warmup;

    private ProjectSession(InvocationOptions options, LoadedProject project, CompiledProject? compiled, CompileOptions compileOptions)
    {
        Options = options;
        Project = project;
        Compiled = compiled;
        CompileOptions = compileOptions;
    }

    public InvocationOptions Options { get; }

    public LoadedProject Project { get; }

    /// <summary>
    /// The compiled project as this command sees it: after selection with --defer, the deferred
    /// view (<see cref="CompiledProject.WithDeferred"/>); read it after selecting.
    /// </summary>
    public CompiledProject? Compiled { get; private set; }

    /// <summary>--defer: from now on the command works on the view whose refs read <paramref name="relations"/>.</summary>
    internal void Defer(IReadOnlyDictionary<string, Relation> relations) => Compiled = Compiled!.WithDeferred(relations);

    public CompileOptions CompileOptions { get; }

    /// <summary>Absolute path of a project-relative path.</summary>
    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Project.Root, relative));

    public string TargetDirectory => PathOf(Project.ProjectFile.TargetPath);

    /// <param name="openAhead">
    /// The command will connect: the target's database starts opening as soon as the profile is read
    /// (<see cref="Connections.ConnectionWarmup"/>), and the caller disposes the session.
    /// </param>
    public static ProjectSession? Open(InvocationOptions options, CliEnvironment environment, bool compile = true, bool openAhead = false)
    {
        Connections.ConnectionWarmup? warmup = null;
        var session = Open(options, environment, compile, openAhead ? target => warmup = Connections.ConnectionWarmup.Start(target) : null);
        if (session is null)
        {
            // Nothing runs: the database opened ahead is closed before the command returns.
            warmup?.Dispose();
            return null;
        }
        session._warmup = warmup;
        return session;
    }

    /// <summary>
    /// The run's first connection is open: the database opened ahead has served (it stays open through
    /// that connection), so the warm-up lets go of it. Also done by <see cref="Dispose"/>.
    /// </summary>
    public void EndWarmup() => _warmup?.Dispose();

    public void Dispose() => EndWarmup();

    private static ProjectSession? Open(InvocationOptions options, CliEnvironment environment, bool compile, Action<TargetProfile>? targetResolved)
    {
        PhaseTimings.Mark("startup + command line");
        var diagnostics = new DiagnosticBag();
        if (options.Problems.Count > 0)
        {
            diagnostics.AddRange(options.Problems);
            Report(environment, diagnostics);
            return null;
        }
        var warnErrors = WarnErrorPolicy.From(options, diagnostics);
        if (warnErrors is null)
        {
            Report(environment, diagnostics);
            return null;
        }
        var cliVars = options.Vars is { } text ? CliVarsParser.Parse(text, diagnostics) : new Dictionary<string, object?>();
        if (cliVars is null || diagnostics.HasErrors)
        {
            Report(environment, diagnostics);
            return null;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (compile) ProjectCompiler.ParseBuiltinsAhead();
        var project = ProjectLoader.Load(new ProjectLoadOptions
        {
            ProjectDirectory = options.ProjectDirectory,
            ProfilesDirectory = options.ProfilesDirectory,
            TargetName = options.Target,
            ProfileName = options.Profile,
            TargetPath = options.TargetPath,
            CliVars = cliVars,
            Environment = environment.GetEnvironmentVariable,
            HomeDirectory = environment.HomeDirectory,
            WorkingDirectory = environment.WorkingDirectory,
            Renderer = new YamlTemplateRenderer(cliVars, environment.GetEnvironmentVariable) { ImpureRead = environment.ImpureRead },
            TargetResolved = targetResolved,
        }, diagnostics);
        diagnostics = warnErrors.Apply(diagnostics);
        if (project is null || diagnostics.HasErrors)
        {
            Report(environment, diagnostics);
            return null;
        }

        if (project.Target.IsDefault && UsesDatabase(options.Command) && options.LogLevel <= Reporting.LogLevel.Info)
        {
            var file = Path.GetRelativePath(project.Root, ((DuckDbTargetProfile)project.Target).Path).Replace('\\', '/');
            environment.Error.WriteLine($"Using the embedded DuckDB {file}: no profiles.yml was found for profile '{project.ProjectFile.Profile}'.");
        }

        if (!EventTimeRange.TryRead(options, diagnostics, out var eventTimeStart, out var eventTimeEnd))
        {
            Report(environment, diagnostics);
            return null;
        }
        var loadElapsed = clock.Elapsed;
        var compileOptions = new CompileOptions
        {
            Command = options.Command,
            FullRefresh = options.FullRefresh,
            Empty = options.Empty,
            StoreFailures = options.StoreFailures,
            EventTimeStart = eventTimeStart,
            EventTimeEnd = eventTimeEnd,
            MicrobatchBatches = options.MicrobatchBatches,
            Environment = environment.GetEnvironmentVariable,
            Log = new TemplateMessages(environment.Output, environment.Error).Write,
            ImpureRead = environment.ImpureRead,
            StaticParseMemoPath = Path.GetFullPath(Path.Combine(project.Root, project.ProjectFile.TargetPath, StaticParseMemo.FileName)),
        };
        CompiledProject? compiled = null;
        if (compile)
        {
            compiled = ProjectCompiler.Compile(project, compileOptions, diagnostics);
            diagnostics = warnErrors.Apply(diagnostics);
            if (compiled is null || diagnostics.HasErrors)
            {
                Report(environment, diagnostics);
                return null;
            }
        }
        var compileElapsed = clock.Elapsed - loadElapsed;
        var selection = compiled is null ? new SelectionOptions() : LoadSelection(options, project, compiled, diagnostics);
        diagnostics = warnErrors.Apply(diagnostics);
        Report(environment, diagnostics);
        if (selection is null || diagnostics.HasErrors) return null;
        return new ProjectSession(options, project, compiled, compileOptions)
        {
            Selection = selection,
            WarnErrors = warnErrors,
            LoadElapsed = loadElapsed,
            CompileElapsed = compileElapsed,
        };
    }

    /// <summary>--warn-error / --warn-error-options.</summary>
    public WarnErrorPolicy WarnErrors { get; private init; } = WarnErrorPolicy.None;

    /// <summary>Reading the project's files, YAML and profile (forge parse reports it).</summary>
    public TimeSpan LoadElapsed { get; private init; }

    /// <summary>Rendering templates and building the graph.</summary>
    public TimeSpan CompileElapsed { get; private init; }

    /// <summary>The --select/--exclude/--selector of the command with selectors.yml and the --state to compare with.</summary>
    public SelectionOptions Selection { get; private init; } = new();

    private static SelectionOptions? LoadSelection(InvocationOptions options, LoadedProject project, CompiledProject compiled, DiagnosticBag diagnostics)
    {
        var selectors = SelectorsFile.Load(project.Root, diagnostics);
        if (options.Defer && options.StateDirectory is null)
        {
            diagnostics.Add(DiagnosticCodes.Selection.DeferWithoutState());
            return null;
        }
        StateComparison? state = null;
        if (options.StateDirectory is { } directory)
        {
            if (StateManifest.Load(directory, diagnostics) is not { } manifest) return null;
            state = new StateComparison(compiled, manifest);
        }
        if (selectors is null) return null;
        return new SelectionOptions { Select = options.Select, Exclude = options.Exclude, Selector = options.Selector, Selectors = selectors, State = state };
    }

    /// <summary>Commands that connect; only they announce the fallback (ls and compile output stays clean for scripts).</summary>
    private static bool UsesDatabase(string command) => command is not ("compile" or "ls" or "clean" or "deps" or "parse" or "retry");

    private static void Report(CliEnvironment environment, DiagnosticBag diagnostics)
    {
        var all = diagnostics.ToList();
        DiagnosticPrinter.Print(environment.Error, all);
        var errors = all.Count(d => d.IsError);
        if (errors > 0) environment.Error.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}; nothing was run.");
    }
}
