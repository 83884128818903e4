using System.Text;
using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Filters on text: case, trimming, replacing, indenting, escaping.</summary>
internal static partial class StringFilters
{
    public static void Register(Dictionary<string, FilterFunction> filters)
    {
        filters["upper"] = (_, v, a) => NoArgs(a, "upper", v).ToUpperInvariant();
        filters["lower"] = (_, v, a) => NoArgs(a, "lower", v).ToLowerInvariant();
        filters["capitalize"] = (_, v, a) => Capitalize(NoArgs(a, "capitalize", v));
        filters["title"] = (_, v, a) => Title(NoArgs(a, "title", v));
        filters["trim"] = Trim;
        filters["replace"] = Replace;
        filters["indent"] = Indent;
        filters["wordcount"] = (_, v, a) => (long)WordCount(NoArgs(a, "wordcount", v));
        filters["center"] = Center;
        filters["truncate"] = Truncate;
        filters["striptags"] = (_, v, a) => StripTags(NoArgs(a, "striptags", v));
        filters["escape"] = (_, v, a) => Escape(NoArgs(a, "escape", v));
        filters["e"] = filters["escape"];
        filters["forceescape"] = filters["escape"];
        filters["safe"] = (_, v, a) => NoArgs(a, "safe", v);
        filters["urlencode"] = UrlEncode;
        filters["format"] = Format;
        filters["wordwrap"] = (_, v, a) => Args.Text(v, a);
    }

    private static string NoArgs(CallArguments arguments, string name, object? value)
    {
        Args.Check(arguments, $"filter '{name}'", 0);
        return Args.Text(value, arguments);
    }

    internal static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();

    // Jinja's title: words start after a run of whitespace, '-', '(', '{', '[' or '<'.
    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var wordStart = true;
        foreach (var c in s)
        {
            var separator = char.IsWhiteSpace(c) || c is '-' or '(' or '{' or '[' or '<';
            if (separator)
            {
                sb.Append(c);
                wordStart = true;
            }
            else
            {
                sb.Append(wordStart ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                wordStart = false;
            }
        }
        return sb.ToString();
    }

    private static object? Trim(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'trim'", 1, "chars");
        var s = Args.Text(value, arguments);
        var chars = Args.String(arguments, 0, "chars", null, "filter 'trim'");
        return chars is null ? s.Trim() : s.Trim(chars.ToCharArray());
    }

    private static object? Replace(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Require(arguments, "filter 'replace'", 2, "old", "new", "count");
        var s = Args.Text(value, arguments);
        var old = Args.Text(arguments.Get(0, "old"), arguments);
        var replacement = Args.Text(arguments.Get(1, "new"), arguments);
        var count = Args.Int(arguments, 2, "count", -1, "filter 'replace'");
        return StringMethods.ReplaceCount(s, old, replacement, count);
    }

    private static object? Indent(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'indent'", 3, "width", "first", "blank");
        var s = Args.Text(value, arguments);
        var widthValue = arguments.Get(0, "width", 4L);
        var indentation = widthValue is string text ? text : new string(' ', Args.Width(arguments, 0, "width", 4, "filter 'indent'"));
        var first = Args.Bool(arguments, 1, "first", false);
        var blank = Args.Bool(arguments, 2, "blank", false);
        var lines = StringMethods.SplitLines(s + "\n");
        Evaluator.CheckLength((Int128)indentation.Length * lines.Count + s.Length, arguments.CallSpan);
        var sb = new StringBuilder(s.Length + 16);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = (string)lines[i]!;
            if (i > 0)
            {
                sb.Append('\n');
                if (blank || line.Length > 0) sb.Append(indentation);
            }
            sb.Append(line);
        }
        return first ? indentation + sb : sb.ToString();
    }

    private static int WordCount(string s)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var word = char.IsLetterOrDigit(c) || c == '_';
            if (word && !inWord) count++;
            inWord = word;
        }
        return count;
    }

    private static object? Center(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'center'", 1, "width");
        return StringMethods.CenterText(Args.Text(value, arguments), Args.Width(arguments, 0, "width", 80, "filter 'center'"), ' ');
    }

    private static object? Truncate(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'truncate'", 4, "length", "killwords", "end", "leeway");
        var s = Args.Text(value, arguments);
        var length = (int)Args.Int(arguments, 0, "length", 255, "filter 'truncate'");
        var killWords = Args.Bool(arguments, 1, "killwords", false);
        var end = Args.String(arguments, 2, "end", "...", "filter 'truncate'")!;
        var leeway = (int)Args.Int(arguments, 3, "leeway", 5, "filter 'truncate'");
        if (s.Length <= length + leeway) return s;
        var cut = Math.Max(length - end.Length, 0);
        if (killWords) return s[..cut] + end;
        var head = s[..cut];
        var space = head.LastIndexOf(' ');
        return (space >= 0 ? head[..space] : head) + end;
    }

    private static string StripTags(string s)
    {
        var sb = new StringBuilder(s.Length);
        var inTag = false;
        foreach (var c in s)
        {
            if (c == '<') inTag = true;
            else if (c == '>' && inTag) inTag = false;
            else if (!inTag) sb.Append(c);
        }
        // Jinja also collapses whitespace runs to one space.
        return string.Join(' ', sb.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    internal static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&#34;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return sb.ToString();
    }

    private static object? UrlEncode(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'urlencode'", 0);
        if (Mappings.IsMapping(value))
        {
            var parts = new List<string>();
            foreach (var (key, item) in Mappings.Items(value)) parts.Add(QueryEscape(ValueFormatter.ToStr(key)) + "=" + QueryEscape(ValueFormatter.ToStr(item)));
            return string.Join('&', parts);
        }
        return Uri.EscapeDataString(Args.Text(value, arguments)).Replace("%2F", "/", StringComparison.Ordinal);
    }

    // Query-string quoting: '/' is escaped too and spaces become '+', as Jinja's url_quote(for_qs=True).
    private static string QueryEscape(string s) => Uri.EscapeDataString(s).Replace("%20", "+", StringComparison.Ordinal);

    private static object? Format(Evaluator evaluator, object? value, CallArguments arguments)
    {
        var format = Args.Text(value, arguments);
        if (arguments.Named.Count > 0 && arguments.Positional.Count > 0)
        {
            throw RenderErrors.Arguments(arguments.CallSpan, "filter 'format' can't handle positional and keyword arguments at the same time", "pass either positional or keyword arguments");
        }
        return PercentFormatter.Format(format, ToTuple(arguments.Positional), arguments.CallSpan);
    }

    private static object?[] ToTuple(IReadOnlyList<object?> items)
    {
        var tuple = new object?[items.Count];
        for (var i = 0; i < tuple.Length; i++) tuple[i] = items[i];
        return tuple;
    }
}
