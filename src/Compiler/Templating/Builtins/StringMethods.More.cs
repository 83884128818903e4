using System.Text;
using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

// The less common str methods.
internal static partial class StringMethods
{
    private static object? Affix(string s, CallArguments arguments, string name, bool start)
    {
        Args.Require(arguments, $"str.{name}()", 1, "prefix");
        var value = arguments.Positional[0];
        var candidates = value is object?[] tuple ? tuple : [value];
        foreach (var candidate in candidates)
        {
            if (candidate is not string affix)
            {
                throw RenderErrors.Type(arguments.CallSpan, $"{name} first arg must be str or a tuple of str, not {PythonTypes.NameOf(candidate)}");
            }
            if (start ? s.StartsWith(affix, StringComparison.Ordinal) : s.EndsWith(affix, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static object? Join(object target, CallArguments arguments)
    {
        Args.Require(arguments, "str.join()", 1, "iterable");
        var items = ValueAccess.Iterate(arguments.Positional[0], arguments.CallSpan);
        var parts = new string[items.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = items[i] as string
                ?? throw RenderErrors.Type(arguments.CallSpan, $"sequence item {i}: expected str instance, {PythonTypes.NameOf(items[i])} found", "convert the items first, e.g. with |map('string')");
        }
        return string.Join((string)target, parts);
    }

    private static object? Index(object target, CallArguments arguments)
    {
        var found = ((string)target).IndexOf(Sub(arguments, "index"), StringComparison.Ordinal);
        if (found < 0) throw RenderErrors.Value(arguments.CallSpan, "substring not found", "use find(), which returns -1 instead of failing");
        return (long)found;
    }

    private static int CountOf(string s, string sub)
    {
        if (sub.Length == 0) return s.Length + 1;
        var count = 0;
        for (var i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + sub.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static object? ZFill(object target, CallArguments arguments)
    {
        Args.Require(arguments, "str.zfill()", 1, "width");
        var s = (string)target;
        var width = Args.Width(arguments, 0, "width", 0, "str.zfill()");
        if (s.Length >= width) return s;
        var sign = s.Length > 0 && s[0] is '+' or '-' ? s[..1] : "";
        return sign + new string('0', width - s.Length) + s[sign.Length..];
    }

    private static object? Partition(string s, string separator, bool fromRight)
    {
        var i = fromRight ? s.LastIndexOf(separator, StringComparison.Ordinal) : s.IndexOf(separator, StringComparison.Ordinal);
        if (i < 0) return fromRight ? new object?[] { "", "", s } : new object?[] { s, "", "" };
        return new object?[] { s[..i], separator, s[(i + separator.Length)..] };
    }

    /// <summary>Python's <c>str.splitlines()</c>: no empty item for a trailing line break.</summary>
    internal static List<object?> SplitLines(string s)
    {
        var lines = new List<object?>();
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is not ('\n' or '\r')) continue;
            lines.Add(s[start..i]);
            if (s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < s.Length) lines.Add(s[start..]);
        return lines;
    }

    private static object? Pad(string s, CallArguments arguments, string name)
    {
        Args.Require(arguments, $"str.{name}()", 1, "width", "fillchar");
        var width = Args.Width(arguments, 0, "width", 0, $"str.{name}()");
        var fill = Args.String(arguments, 1, "fillchar", " ", $"str.{name}()")!;
        var c = fill.Length == 1 ? fill[0] : throw RenderErrors.Type(arguments.CallSpan, "The fill character must be exactly one character long");
        return name switch
        {
            "ljust" => s.PadRight(width, c),
            "rjust" => s.PadLeft(width, c),
            _ => CenterText(s, width, c),
        };
    }

    /// <summary>Python's <c>str.center</c>: the extra space goes right when the text is even-length, left otherwise.</summary>
    internal static string CenterText(string s, int width, char fill)
    {
        if (width <= s.Length) return s;
        var total = width - s.Length;
        var left = total / 2 + (total & width & 1);
        return new string(fill, left) + s + new string(fill, total - left);
    }

    // Python's str.title: a letter after a non-letter starts a word.
    private static string PyTitle(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previousCased = false;
        foreach (var c in s)
        {
            sb.Append(previousCased ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            previousCased = char.IsLetter(c);
        }
        return sb.ToString();
    }

    private static string SwapCase(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.IsUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
        }
        return new string(chars);
    }
}
