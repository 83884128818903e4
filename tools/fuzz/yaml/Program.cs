using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using SharpFuzz;

namespace ModelForge.Fuzz.Yaml;

/// <summary>
/// Feeds AFL++'s inputs to every YAML front end forge has (schema YAML, --vars). Any exception
/// escaping is a finding: the loader must turn all input into diagnostics. Errors must also carry a
/// position, so one without is thrown as a finding too.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 1)
        {
            // Replay one input (a crash AFL++ found) outside the fuzzer.
            Check(File.ReadAllText(args[0]));
            Console.WriteLine("no finding");
            return;
        }
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var reader = new StreamReader(stream);
            Check(reader.ReadToEnd());
        });
    }

    private static void Check(string text)
    {
        var bag = new DiagnosticBag();
        SchemaFile.Parse(new SourceText("models/schema.yml", text), bag);
        CliVarsParser.Parse(text, bag);
        foreach (var error in bag.ToList())
        {
            if (error.IsError && error.Span is null) throw new InvalidOperationException($"error without a position: {error}");
        }
    }
}
