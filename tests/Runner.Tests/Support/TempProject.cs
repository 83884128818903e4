using ModelForge.Runner.Cli;

namespace ModelForge.Runner.Tests.Support;

/// <summary>
/// A project written to a fresh temporary folder from file texts, with `forge` run in-process
/// against it and its output captured (dbt's run_dbt, in our own form).
/// </summary>
internal sealed class TempProject : IDisposable
{
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public TempProject(string name = "demo")
    {
        Root = Path.Combine(Path.GetTempPath(), "forge-tests", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)]);
        Directory.CreateDirectory(Root);
        Name = name;
    }

    public string Root { get; }

    public string Name { get; }

    public string DatabasePath => Path.Combine(Root, "target", $"{Name}.duckdb");

    /// <summary>
    /// A profiles.yml whose target 'sqlserver' is a SQL Server that tests reach only through a
    /// recording connection (RecordedRun): no server is contacted, the password is never used.
    /// </summary>
    public TempProject WithRecordingSqlServerProfile() => With("profiles.yml", $"""
        {Name}:
          target: sqlserver
          outputs:
            sqlserver:
              type: sqlserver
              server: localhost
              database: warehouse
              schema: analytics
              user: forge
              password: not-used
              threads: 1
        """);

    /// <summary>A minimal project file naming this project, unless the test writes its own.</summary>
    public TempProject WithProjectFile(string extra = "")
    {
        return With("forge_project.yml", $"name: {Name}\nversion: '1.0'\nprofile: {Name}\n{extra}");
    }

    public TempProject With(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TempProject Without(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath));
        return this;
    }

    public TempProject WithEnvironment(string name, string? value)
    {
        _environment[name] = value;
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>
    /// Dates every file outside target/ a minute back. Files a test writes are milliseconds old, which the invocation
    /// memo treats as possibly still changing; dated back, they stand for a project edited a while ago.
    /// </summary>
    public void DateInputsBack()
    {
        var past = DateTime.UtcNow.AddMinutes(-1);
        var target = Path.Combine(Root, "target");
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (!file.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal)) File.SetLastWriteTimeUtc(file, past);
        }
    }

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Root, relativePath));

    /// <summary>Runs `forge` with <paramref name="args"/> in the project folder.</summary>
    public ForgeResult Forge(params string[] args) => Forge(CancellationToken.None, args);

    /// <summary>Runs `forge` with a cancellation token standing in for Ctrl-C.</summary>
    public ForgeResult Forge(CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment
        {
            Output = output,
            Error = error,
            WorkingDirectory = Root,
            Cancellation = cancellation,
            HomeDirectory = Path.Combine(Root, ".home"),
            // Keep the developer's own profiles and variables out of the tests.
            GetEnvironmentVariable = name => _environment.TryGetValue(name, out var value) ? value
                : name.StartsWith("FORGE_", StringComparison.Ordinal) || name.StartsWith("DBT_", StringComparison.Ordinal) ? null
                : Environment.GetEnvironmentVariable(name),
        };
        var exitCode = ForgeCli.Run(args, environment);
        return new ForgeResult(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may still hold the database open; the OS temp cleaner gets it.
        }
    }
}

internal sealed record ForgeResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    /// <summary>The stderr lines that start with <paramref name="prefix"/> (FORGE_CACHE_TRACE's "compile memo: "...), without it, trimmed.</summary>
    public List<string> Traced(string prefix) =>
        Error.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..].Trim()).ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
