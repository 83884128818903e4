using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Graph.Selection;

/// <summary>
/// Parses dbt's selector syntax: criteria separated by spaces are a union, joined by commas an
/// intersection; each criterion is <c>[@][N]+method:value+[N]</c>, the method defaulting to fqn
/// (or path/file when the value looks like one). Positions point into <see cref="SourceText"/>.
/// </summary>
public static class SelectorParser
{
    /// <summary>The whole text as one expression; null when it holds no criterion.</summary>
    public static SelectorExpression? Parse(SourceText source, DiagnosticBag diagnostics) =>
        Parse(source, 0, source.Text.Length, diagnostics);

    /// <summary>The stretch [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="source"/>.</summary>
    public static SelectorExpression? Parse(SourceText source, int start, int end, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        var union = new List<SelectorExpression>();
        var at = start;
        while (at < end)
        {
            while (at < end && char.IsWhiteSpace(text[at])) at++;
            var wordStart = at;
            while (at < end && !char.IsWhiteSpace(text[at])) at++;
            if (at > wordStart && ParseIntersection(source, wordStart, at, diagnostics) is { } part) union.Add(part);
        }
        return union.Count switch { 0 => null, 1 => union[0], _ => new SelectorUnion(union) };
    }

    private static SelectorExpression? ParseIntersection(SourceText source, int start, int end, DiagnosticBag diagnostics)
    {
        var parts = new List<SelectorExpression>();
        var partStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && source.Text[i] != ',') continue;
            if (i == partStart)
            {
                diagnostics.Add(DiagnosticCodes.Selection.EmptyCriterion(new SourceSpan(source, i, i < end ? 1 : 0)));
            }
            else if (ParseCriterion(source, partStart, i, diagnostics) is { } criterion) parts.Add(criterion);
            partStart = i + 1;
        }
        return parts.Count switch { 0 => null, 1 => parts[0], _ => new SelectorIntersection(parts) };
    }

    /// <summary><c>[@][N]+method:value+[N]</c>.</summary>
    internal static SelectorCriterion? ParseCriterion(SourceText source, int start, int end, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        var span = new SourceSpan(source, start, end - start);
        var at = start;
        var childrensParents = false;
        if (at < end && text[at] == '@')
        {
            childrensParents = true;
            at++;
        }
        var parents = 0;
        var digits = at;
        while (digits < end && char.IsAsciiDigit(text[digits])) digits++;
        if (digits < end && text[digits] == '+')
        {
            parents = digits == at ? int.MaxValue : int.Parse(text.AsSpan(at, digits - at), System.Globalization.CultureInfo.InvariantCulture);
            at = digits + 1;
        }
        var children = 0;
        var stop = end;
        var back = end;
        while (back > at && char.IsAsciiDigit(text[back - 1])) back--;
        if (back > at && text[back - 1] == '+')
        {
            children = back == end ? int.MaxValue : int.Parse(text.AsSpan(back, end - back), System.Globalization.CultureInfo.InvariantCulture);
            stop = back - 1;
        }
        if (childrensParents && (parents != 0 || children != 0))
        {
            diagnostics.Add(DiagnosticCodes.Selection.AtWithPlus(span));
            return null;
        }
        if (stop <= at)
        {
            diagnostics.Add(DiagnosticCodes.Selection.EmptyCriterion(span));
            return null;
        }

        var body = text[at..stop];
        var colon = body.IndexOf(':');
        string method, value;
        var explicitMethod = colon > 0;
        if (explicitMethod)
        {
            method = body[..colon];
            value = body[(colon + 1)..];
        }
        else
        {
            method = DefaultMethod(body);
            value = body;
        }
        if (value.Length == 0)
        {
            diagnostics.Add(DiagnosticCodes.Selection.EmptyValue(span, method));
            return null;
        }
        return new SelectorCriterion(method, value, parents, children, childrensParents, span) { ExplicitMethod = explicitMethod };
    }

    /// <summary>dbt reads a bare value with a slash as a path and one ending in .sql/.csv/... as a file.</summary>
    internal static string DefaultMethod(string value)
    {
        if (value.Contains('/') || value.Contains('\\')) return SelectorMethods.Path;
        var dot = value.LastIndexOf('.');
        if (dot > 0 && value[(dot + 1)..] is "sql" or "csv" or "py" or "yml" or "yaml") return SelectorMethods.File;
        return SelectorMethods.Fqn;
    }
}
