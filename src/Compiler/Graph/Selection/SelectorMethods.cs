namespace ModelForge.Compiler.Graph.Selection;

/// <summary>The selector method names forge understands, as dbt spells them.</summary>
public static class SelectorMethods
{
    public const string Fqn = "fqn";
    public const string Tag = "tag";
    public const string Path = "path";
    public const string File = "file";
    public const string Config = "config";
    public const string ResourceType = "resource_type";
    public const string TestType = "test_type";
    public const string TestName = "test_name";
    public const string Source = "source";
    public const string Package = "package";
    public const string State = "state";
    public const string Result = "result";
    public const string Selector = "selector";
    public const string Version = "version";

    internal static readonly string[] All = [Fqn, Tag, Path, File, Config, ResourceType, TestType, TestName, Source, Package, State, Result, Selector, Version];

    internal static bool IsKnown(string method) =>
        Array.IndexOf(All, method) >= 0 || (method.StartsWith("config.", StringComparison.Ordinal) && method.Length > 7);
}
