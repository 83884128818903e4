using System.CommandLine;
using System.Data.Common;
using System.Text.RegularExpressions;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Connections;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Cli;

/// <summary>
/// `forge run-operation MACRO --args '{...}'` (dbt run-operation): calls one macro of the project or
/// of a package (`pkg.macro`) with a live connection, so run_query, statement, adapter.* and log()
/// work. What the macro returns is discarded; what it logs is printed.
/// </summary>
internal static partial class RunOperationCommand
{
    // The name under which the parsed --args reach the call template; not a name a project would use.
    private const string ArgsGlobal = "__forge_run_operation_args";

    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("run-operation", "Run a macro with a live connection, e.g. `forge run-operation grant_select --args '{role: reporter}'`.");
        shared.AddProjectOptions(command);
        var macro = new Argument<string>("MACRO") { Description = "The macro to run: `name` or `package.name`." };
        var args = new Option<string?>("--args") { Description = "The macro's arguments as a YAML or JSON mapping, e.g. '{table: orders}'." };
        command.Arguments.Add(macro);
        command.Options.Add(args);
        command.SetAction(parse =>
        {
            var options = InvocationOptions.From(parse, shared, environment, "run-operation");
            return Execute(options, environment, parse.GetValue(macro)!, parse.GetValue(args));
        });
        return command;
    }

    private static int Execute(InvocationOptions options, CliEnvironment environment, string name, string? argsText)
    {
        if (!MacroName().IsMatch(name))
            return Fail(environment, DiagnosticCodes.RunOperation.BadMacroName(name), ExitCodes.UsageOrProject);
        var parsed = new DiagnosticBag();
        var arguments = CliVarsParser.Parse(argsText ?? "", parsed);
        if (arguments is null)
            return Fail(environment, DiagnosticCodes.RunOperation.BadArgs(parsed.ToList().First(d => d.IsError)), ExitCodes.UsageOrProject);

        var session = ProjectSession.Open(options, environment);
        if (session is null) return ExitCodes.UsageOrProject;
        var project = session.Compiled!;
        if (Unknown(project.Macros, name) is { } unknown) return Fail(environment, unknown, ExitCodes.UsageOrProject);

        var target = session.Project.Target;
        var sql = ConnectionFactory.SqlFor(target);
        environment.Output.WriteLine($"Running with forge={ForgeVersion.Current}");
        try
        {
            using var connection = ConnectionFactory.Open(target);
            var compiler = new NodeCompiler(project, new DatabaseAdapter(connection, sql, new RelationCache(sql)));
            compiler.RenderOperation(name, $"{{{{ {name}(**{ArgsGlobal}) }}}}", new Dictionary<string, object?> { [ArgsGlobal] = arguments });
            return ExitCodes.Success;
        }
        catch (DiagnosticException e)
        {
            return Fail(environment, e.Diagnostic, ExitCodes.Failure);
        }
        catch (DbException e)
        {
            return Fail(environment, Diagnostic.Error(DiagnosticCodes.DatabaseError,
                $"database error in run-operation {name}: {e.Message.Split('\n')[0].Trim()}", hint: "check the connection in profiles.yml"), ExitCodes.Failure);
        }
    }

    /// <summary>The unknown-macro diagnostic, or null when <paramref name="name"/> names a macro forge can call.</summary>
    private static Diagnostic? Unknown(MacroRegistry macros, string name)
    {
        var dot = name.IndexOf('.');
        if (dot < 0)
            return macros.Find(name, null) is null
                ? DiagnosticCodes.RunOperation.UnknownMacro(name, macros.NamesIn(macros.RootPackage).Concat(macros.NamesIn(MacroRegistry.BuiltinPackage)))
                : null;
        var package = name[..dot];
        var macro = name[(dot + 1)..];
        if (macros.FindInPackage(package, macro) is not null) return null;
        var known = macros.HasPackage(package)
            ? macros.NamesIn(package).Select(n => $"{package}.{n}")
            : macros.Packages.SelectMany(p => macros.NamesIn(p).Select(n => $"{p}.{n}"));
        return DiagnosticCodes.RunOperation.UnknownMacro(name, known);
    }

    private static int Fail(CliEnvironment environment, Diagnostic diagnostic, int exit)
    {
        DiagnosticPrinter.Print(environment.Error, [diagnostic]);
        return exit;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    private static partial Regex MacroName();
}
