using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>
/// A test argument written as <c>ref('name')</c>, <c>ref('package', 'name')</c> or
/// <c>source('source', 'table')</c> with plain string literals (<c>to: ref('customers')</c>). Its
/// evaluation depends only on the names, so the generated call can read them as data
/// (<c>ref(*names)</c>) and stay the same text for every test.
/// </summary>
internal sealed record LiteralCall(string Function, IReadOnlyList<object?> Arguments)
{
    /// <summary>The call, or null for anything else (other functions, keyword arguments, escapes, expressions).</summary>
    public static LiteralCall? Parse(string text)
    {
        var rest = text.AsSpan().Trim();
        var function = rest.StartsWith("ref", StringComparison.Ordinal) ? "ref"
            : rest.StartsWith("source", StringComparison.Ordinal) ? "source"
            : null;
        if (function is null) return null;
        rest = rest[function.Length..].TrimStart();
        if (rest.Length < 2 || rest[0] != '(' || rest[^1] != ')') return null;
        var names = new List<object?>(2);
        var inner = rest[1..^1];
        while (true)
        {
            inner = inner.TrimStart();
            if (inner.Length < 2 || inner[0] is not ('\'' or '"')) return null;
            var close = inner[1..].IndexOf(inner[0]);
            if (close < 0) return null;
            var literal = inner.Slice(1, close);
            // Escapes read differently in Jinja, and an empty name is an error: leave both to the written-out call.
            if (literal.IsEmpty || literal.Contains('\\')) return null;
            names.Add(literal.ToString());
            inner = inner[(close + 2)..].TrimStart();
            if (inner.IsEmpty) break;
            if (inner[0] != ',' || names.Count == 2) return null;
            inner = inner[1..];
        }
        return function == "ref" || names.Count == 2 ? new LiteralCall(function, names) : null;
    }

    /// <summary>
    /// The refs and sources with these calls added where missing, at <paramref name="span"/>: what a
    /// parse render stopped by an undefined name still records from the literal calls after it.
    /// </summary>
    public static (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources) AddMissing(IReadOnlyList<LiteralCall> calls,
        IReadOnlyList<RefCall> refs, IReadOnlyList<SourceCall> sources, SourceSpan span)
    {
        if (calls.Count == 0) return (refs, sources);
        var allRefs = refs.ToList();
        var allSources = sources.ToList();
        foreach (var call in calls)
        {
            if (call.ToRef(span) is { } reference)
            {
                if (!allRefs.Any(r => r.Name == reference.Name && r.Package == reference.Package)) allRefs.Add(reference);
            }
            else if (call.ToSource(span) is { } source && !allSources.Any(s => s.Source == source.Source && s.Table == source.Table))
            {
                allSources.Add(source);
            }
        }
        return (allRefs, allSources);
    }

    /// <summary>The ref this call records, or null for a source.</summary>
    public RefCall? ToRef(SourceSpan span) => Function != "ref" ? null
        : Arguments.Count == 2 ? new RefCall((string)Arguments[0]!, (string)Arguments[1]!, null, span)
        : new RefCall(null, (string)Arguments[0]!, null, span);

    /// <summary>The source this call records, or null for a ref.</summary>
    public SourceCall? ToSource(SourceSpan span) => Function != "source" ? null : new SourceCall((string)Arguments[0]!, (string)Arguments[1]!, span);
}
