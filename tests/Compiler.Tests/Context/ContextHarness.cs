using NUnit.Framework;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>Builds a project and node for one render and calls context functions directly.</summary>
internal sealed class ContextHarness
{
    public static readonly SourceText File = new("models/orders.sql", "select *\nfrom {{ ref('stg_orders') }}\n");

    /// <summary>The call span every helper passes: models/orders.sql:2:6.</summary>
    public static readonly SourceSpan CallSpan = new(File, 14, 20);

    public Dictionary<string, object?> Vars { get; } = [];

    public Dictionary<string, object?> CliVars { get; } = [];

    public Dictionary<string, IReadOnlyDictionary<string, object?>> PackageVars { get; } = [];

    public Dictionary<string, string> Environment { get; } = [];

    public FakeResolver Resolver { get; } = new();

    public FakeAdapter? Adapter { get; set; }

    public MacroRegistry Macros { get; } = new("shop");

    public List<ContextMessage> Messages { get; } = [];

    public TargetInfo Target { get; set; } = new("dev", "duckdb", "analytics", "warehouse", 4, "shop")
    {
        Extra = new Dictionary<string, object?> { ["path"] = "dev.duckdb", ["password"] = "hunter2", ["client_secret"] = "s3" },
    };

    public RenderPhase Phase { get; set; } = RenderPhase.Execute;

    public Dictionary<string, object?> Config { get; } = new() { ["materialized"] = "view" };

    public bool FullRefresh { get; set; }

    public string NodePackage { get; set; } = "shop";

    public Dictionary<string, IReadOnlyList<string>> DispatchSearchOrder { get; } = [];

    /// <summary>Project flags (dbt_project.yml <c>flags:</c>), seen by templates as <c>flags.name</c>.</summary>
    public Dictionary<string, object?> Flags { get; } = [];

    /// <summary>Told each impure name a render reads (the invocation memo's hook).</summary>
    public Action<string>? ImpureRead { get; init; }

    public ProjectRenderInfo Project() => new()
    {
        ProjectName = "shop",
        Vars = Vars,
        CliVars = CliVars,
        PackageVars = PackageVars,
        Target = Target,
        Environment = name => Environment.GetValueOrDefault(name),
        Macros = Macros,
        Resolver = Resolver,
        Adapter = Adapter,
        Log = Messages.Add,
        FullRefresh = FullRefresh,
        InvocationId = "inv-1",
        RunStartedAt = new DateTimeOffset(2024, 3, 10, 12, 30, 5, TimeSpan.Zero),
        DispatchSearchOrder = DispatchSearchOrder,
        Flags = Flags,
        ImpureRead = ImpureRead,
        GraphNodes = new Dictionary<string, object?> { ["model.shop.orders"] = new Dictionary<string, object?> { ["name"] = "orders" } },
    };

    public NodeRenderInfo Node() => new()
    {
        UniqueId = "model.shop.orders",
        Name = "orders",
        PackageName = NodePackage,
        FilePath = "models/orders.sql",
        This = new Relation("warehouse", "analytics", "orders", RelationType.View, RelationQuoting.DuckDb),
        Config = Config,
        Phase = Phase,
    };

    public IReadOnlyDictionary<string, object?> Globals() => ContextBuilder.Build(Project(), Node());

    public object? Global(string name) => Globals().TryGetValue(name, out var value) ? value : throw new KeyNotFoundException(name);

    public object? Call(string name, params object?[] positional) => Invoke(Global(name), positional);

    public object? CallNamed(string name, object?[] positional, params (string Name, object? Value)[] named) =>
        InvokeNamed(Global(name), positional, named);

    public static object? Invoke(object? callable, params object?[] positional) => InvokeNamed(callable, positional);

    public static object? InvokeNamed(object? callable, object?[] positional, params (string Name, object? Value)[] named)
    {
        Assert.That(callable, Is.InstanceOf<ICallable>(), "expected something callable");
        var args = new CallArguments(positional, named.Select(n => new KeyValuePair<string, object?>(n.Name, n.Value)).ToList(), CallSpan);
        return ((ICallable)callable!).Call(args);
    }

    public static object? Attr(object? value, string name)
    {
        Assert.That(value, Is.InstanceOf<ITemplateObject>(), $"expected an object with attribute '{name}'");
        Assert.That(((ITemplateObject)value!).TryGetAttribute(name, out var result), Is.True, $"missing attribute '{name}'");
        return result;
    }

    /// <summary>Calls obj.method(args).</summary>
    public static object? CallMethod(object? value, string method, params object?[] positional) => Invoke(Attr(value, method), positional);

    public static Diagnostic Fails(TestDelegate action)
    {
        var exception = Assert.Throws<DiagnosticException>(action)!;
        return exception.Diagnostic;
    }
}
