using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Replaces <c>{{ doc('name') }}</c> (and dbt's two-argument <c>doc('package', 'name')</c>) in a
/// YAML description with the docs block's text. Other template expressions are left as written:
/// descriptions are not rendered by the compiler, and guessing their value would mislead.
/// </summary>
internal sealed class DocReferenceResolver(DocsBlocks blocks, DiagnosticBag diagnostics)
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public string Resolve(string? description, SourceSpan? span = null)
    {
        if (string.IsNullOrEmpty(description)) return "";
        if (!description.Contains("{{", StringComparison.Ordinal)) return description;
        var result = new System.Text.StringBuilder(description.Length);
        var at = 0;
        while (at < description.Length)
        {
            var open = description.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0) break;
            var close = description.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0) break;
            result.Append(description, at, open - at);
            var name = DocName(description.AsSpan(open + 2, close - open - 2), out var package);
            if (name is null)
            {
                result.Append(description, open, close + 2 - open);
            }
            else if (blocks.Find(package, name) is { } text)
            {
                result.Append(text);
            }
            else
            {
                if (_reported.Add(name)) diagnostics.Add(DiagnosticCodes.Docs.UnknownDoc(span, name, null));
                result.Append(description, open, close + 2 - open);
            }
            at = close + 2;
        }
        result.Append(description, at, description.Length - at);
        return result.ToString();
    }

    /// <summary>The block name of <c> doc('x') </c> or <c> doc('pkg', 'x') </c>; null for anything else.</summary>
    internal static string? DocName(ReadOnlySpan<char> expression, out string? package)
    {
        package = null;
        var inner = expression.Trim().TrimStart('-').TrimEnd('-').Trim();
        if (!inner.StartsWith("doc", StringComparison.Ordinal)) return null;
        inner = inner[3..].TrimStart();
        if (inner.Length < 2 || inner[0] != '(' || inner[^1] != ')') return null;
        inner = inner[1..^1];
        string? last = null;
        while (true)
        {
            inner = inner.Trim();
            if (inner.Length < 2 || (inner[0] != '\'' && inner[0] != '"')) return null;
            var quote = inner[0];
            var end = inner[1..].IndexOf(quote);
            if (end < 0) return null;
            last = inner.Slice(1, end).ToString();
            inner = inner[(end + 2)..].Trim();
            if (inner.Length == 0) return last;
            package = last;
            if (inner[0] != ',') return null;
            inner = inner[1..];
        }
    }
}
