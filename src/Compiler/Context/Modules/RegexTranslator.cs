using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>
/// Python <c>re</c> patterns on .NET regular expressions. Translated: <c>(?P&lt;n&gt;…)</c> named
/// groups, <c>(?P=n)</c> back-references and <c>\Z</c>. Not translated (behave as .NET does):
/// possessive quantifiers and atomic groups exist only in .NET, <c>\d</c>/<c>\w</c> match Unicode
/// in both; Python's <c>re.ASCII</c> is ignored. Compiled patterns are cached per process.
/// </summary>
internal static class RegexTranslator
{
    public const int IgnoreCase = 2;
    public const int Multiline = 8;
    public const int DotAll = 16;
    public const int Verbose = 64;
    public const int Ascii = 256;

    private static readonly ConcurrentDictionary<(string, int), PyPattern> Cache = new();

    public static PyPattern Get(string pattern, int flags, SourceSpan call)
    {
        if (Cache.TryGetValue((pattern, flags), out var cached)) return cached;
        var options = RegexOptions.CultureInvariant;
        if ((flags & IgnoreCase) != 0) options |= RegexOptions.IgnoreCase;
        if ((flags & Multiline) != 0) options |= RegexOptions.Multiline;
        if ((flags & DotAll) != 0) options |= RegexOptions.Singleline;
        if ((flags & Verbose) != 0) options |= RegexOptions.IgnorePatternWhitespace;
        try
        {
            var (translated, names) = Translate(pattern);
            var compiled = new PyPattern(pattern, flags, new Regex(translated, options, TimeSpan.FromSeconds(5)), names);
            if (Cache.Count < 1000) Cache[(pattern, flags)] = compiled;
            return compiled;
        }
        catch (ArgumentException e)
        {
            throw ContextErrors.RegexInvalid(pattern, e.Message, call);
        }
    }

    /// <summary>
    /// Python numbers named and unnamed groups together from left to right, .NET numbers named
    /// groups last; so named groups become plain groups and their names are kept here.
    /// </summary>
    public static (string Pattern, Dictionary<string, int> Names) Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var group = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(pattern[i + 1] == 'Z' && !inClass ? "\\z" : pattern.Substring(i, 2));
                i++;
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                sb.Append(c);
                continue;
            }
            if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') sb.Append(pattern[++i]);
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') sb.Append(pattern[++i]);
                continue;
            }
            if (c != '(')
            {
                sb.Append(c);
                continue;
            }
            if (string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0 && pattern.IndexOf('>', i) is var close and > 0)
            {
                names[pattern[(i + 4)..close]] = ++group;
                sb.Append('(');
                i = close;
            }
            else if (string.CompareOrdinal(pattern, i, "(?P=", 0, 4) == 0 && pattern.IndexOf(')', i) is var end and > 0)
            {
                var name = pattern[(i + 4)..end];
                sb.Append(names.TryGetValue(name, out var n) ? $"(?:\\{n})" : pattern[i..(end + 1)]);
                i = end;
            }
            else
            {
                if (i + 1 >= pattern.Length || pattern[i + 1] != '?') group++;
                sb.Append(c);
            }
        }
        return (sb.ToString(), names);
    }

    /// <summary>Expands a Python replacement template (<c>\1</c>, <c>\g&lt;name&gt;</c>, <c>\n</c>) for one match.</summary>
    public static string Expand(string template, Match match, PyPattern pattern)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '\\' || i + 1 == template.Length)
            {
                sb.Append(c);
                continue;
            }
            var next = template[++i];
            if (char.IsAsciiDigit(next))
            {
                var start = i;
                if (i + 1 < template.Length && char.IsAsciiDigit(template[i + 1])) i++;
                sb.Append(match.Groups[int.Parse(template.AsSpan(start, i - start + 1))].Value);
            }
            else if (next == 'g' && i + 1 < template.Length && template[i + 1] == '<' && template.IndexOf('>', i) is var end and > 0)
            {
                var name = template[(i + 2)..end];
                sb.Append(match.Groups[int.TryParse(name, out var n) ? n : pattern.GroupNames.GetValueOrDefault(name)].Value);
                i = end;
            }
            else
            {
                // Python keeps unknown escapes such as \& as written.
                switch (next)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case '\\': sb.Append('\\'); break;
                    default: sb.Append('\\').Append(next); break;
                }
            }
        }
        return sb.ToString();
    }
}
