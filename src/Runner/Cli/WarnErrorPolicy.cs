using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Cli;

/// <summary>
/// --warn-error and --warn-error-options: which warnings become errors. dbt names its warnings by
/// event; forge's are named by code (MF1109), and "all" / "*" cover every one. The options' keys
/// are dbt's: `error` (older `include`), `warn` (older `exclude`) and `silence`, which drops a
/// warning altogether. A data test that warns fails when every warning is an error, as in dbt.
/// </summary>
internal sealed class WarnErrorPolicy
{
    private readonly bool _all;
    private readonly HashSet<string> _error = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _warn = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _silence = new(StringComparer.OrdinalIgnoreCase);

    private WarnErrorPolicy(bool all) => _all = all;

    public static readonly WarnErrorPolicy None = new(all: false);

    /// <summary>True when a data test's warn status becomes a failure.</summary>
    public bool FailsWarningTests => _all;

    /// <summary>Null (diagnostic added) when the options do not read.</summary>
    public static WarnErrorPolicy? From(InvocationOptions options, DiagnosticBag diagnostics)
    {
        if (options.WarnErrorOptions is not { Length: > 0 } text) return options.WarnError ? new WarnErrorPolicy(all: true) : None;
        var parsed = CliVarsParser.Parse(text, diagnostics);
        if (parsed is null) return null;
        var error = Words(parsed, "error", "include", diagnostics);
        var warn = Words(parsed, "warn", "exclude", diagnostics);
        var silence = Words(parsed, "silence", null, diagnostics);
        if (parsed.Keys.FirstOrDefault(k => k is not ("error" or "include" or "warn" or "exclude" or "silence")) is { } unknown)
            diagnostics.Add(DiagnosticCodes.Commands.BadWarnErrorOptions($"unknown key '{unknown}'"));
        if (error is null || warn is null || silence is null || diagnostics.HasErrors) return null;
        // --warn-error with options: the options say which; dbt makes them exclusive, forge lets the options refine.
        var policy = new WarnErrorPolicy(options.WarnError || error.Any(IsAll));
        policy._error.UnionWith(error);
        policy._warn.UnionWith(warn);
        policy._silence.UnionWith(silence);
        return policy;
    }

    /// <summary>The diagnostics with warnings promoted or silenced as the policy says.</summary>
    public DiagnosticBag Apply(DiagnosticBag diagnostics)
    {
        if (!_all && _error.Count == 0 && _silence.Count == 0) return diagnostics;
        var result = new DiagnosticBag();
        foreach (var diagnostic in diagnostics.ToList())
        {
            if (diagnostic.IsError) result.Add(diagnostic);
            else if (_silence.Contains(diagnostic.Code) || _silence.Any(IsAll)) continue;
            else if (Promotes(diagnostic.Code))
                result.Add(diagnostic with { Severity = Severity.Error, Hint = $"{diagnostic.Hint}{(diagnostic.Hint is null ? "" : "; ")}an error because of --warn-error" });
            else result.Add(diagnostic);
        }
        return result;
    }

    /// <summary>
    /// A node's own warnings under the policy (e.g. a contract constraint the target cannot enforce):
    /// silenced ones dropped, and a promoted one turns the node into an error, as dbt fails a node
    /// whose warning --warn-error makes an exception.
    /// </summary>
    public Execution.NodeResult Apply(Execution.NodeResult result)
    {
        if (result.Warnings.Count == 0) return result;
        var bag = new DiagnosticBag();
        bag.AddRange(result.Warnings);
        var applied = Apply(bag).ToList();
        var warnings = applied.Where(d => !d.IsError).ToList();
        if (applied.FirstOrDefault(d => d.IsError) is not { } error || result.Status is Execution.NodeStatus.Error or Execution.NodeStatus.Fail or Execution.NodeStatus.Skipped)
            return result with { Warnings = warnings };
        return result with { Status = Execution.NodeStatus.Error, Message = error.Message, Diagnostic = error, Warnings = warnings };
    }

    private bool Promotes(string code) => !_warn.Contains(code) && (_all || _error.Contains(code));

    private static bool IsAll(string word) => word is "all" or "*";

    private static List<string>? Words(IReadOnlyDictionary<string, object?> parsed, string key, string? legacy, DiagnosticBag diagnostics)
    {
        var value = parsed.GetValueOrDefault(key) ?? (legacy is null ? null : parsed.GetValueOrDefault(legacy));
        switch (value)
        {
            case null:
                return [];
            case string word:
                return [word];
            case IEnumerable<object?> list when list.All(x => x is string):
                return list.Cast<string>().ToList();
            default:
                diagnostics.Add(DiagnosticCodes.Commands.BadWarnErrorOptions($"'{key}' must be \"all\" or a list of codes"));
                return null;
        }
    }
}
