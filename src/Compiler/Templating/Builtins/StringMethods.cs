using System.Text;
using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Python str methods that dbt code calls: split, strip, replace, startswith, format…</summary>
internal static partial class StringMethods
{
    private static readonly Dictionary<string, MethodFunction> All = new(StringComparer.Ordinal)
    {
        ["split"] = (t, a) => Split((string)t, a, fromRight: false),
        ["rsplit"] = (t, a) => Split((string)t, a, fromRight: true),
        ["strip"] = (t, a) => Strip((string)t, a, "strip", true, true),
        ["lstrip"] = (t, a) => Strip((string)t, a, "lstrip", true, false),
        ["rstrip"] = (t, a) => Strip((string)t, a, "rstrip", false, true),
        ["lower"] = (t, a) => NoArgs(t, a, "lower").ToLowerInvariant(),
        ["upper"] = (t, a) => NoArgs(t, a, "upper").ToUpperInvariant(),
        ["title"] = (t, a) => PyTitle(NoArgs(t, a, "title")),
        ["capitalize"] = (t, a) => StringFilters.Capitalize(NoArgs(t, a, "capitalize")),
        ["swapcase"] = (t, a) => SwapCase(NoArgs(t, a, "swapcase")),
        ["replace"] = Replace,
        ["startswith"] = (t, a) => Affix((string)t, a, "startswith", start: true),
        ["endswith"] = (t, a) => Affix((string)t, a, "endswith", start: false),
        ["format"] = (t, a) => StringFormatter.Format((string)t, a),
        ["join"] = Join,
        ["find"] = (t, a) => (long)((string)t).IndexOf(Sub(a, "find"), StringComparison.Ordinal),
        ["rfind"] = (t, a) => (long)((string)t).LastIndexOf(Sub(a, "rfind"), StringComparison.Ordinal),
        ["index"] = Index,
        ["count"] = (t, a) => (long)CountOf((string)t, Sub(a, "count")),
        ["isdigit"] = (t, a) => All_(NoArgs(t, a, "isdigit"), char.IsDigit),
        ["isnumeric"] = (t, a) => All_(NoArgs(t, a, "isnumeric"), char.IsDigit),
        ["isdecimal"] = (t, a) => All_(NoArgs(t, a, "isdecimal"), char.IsDigit),
        ["isalpha"] = (t, a) => All_(NoArgs(t, a, "isalpha"), char.IsLetter),
        ["isalnum"] = (t, a) => All_(NoArgs(t, a, "isalnum"), char.IsLetterOrDigit),
        ["isspace"] = (t, a) => All_(NoArgs(t, a, "isspace"), char.IsWhiteSpace),
        ["islower"] = (t, a) => IsCase(NoArgs(t, a, "islower"), lower: true),
        ["isupper"] = (t, a) => IsCase(NoArgs(t, a, "isupper"), lower: false),
        ["zfill"] = ZFill,
        ["partition"] = (t, a) => Partition((string)t, Sub(a, "partition"), fromRight: false),
        ["rpartition"] = (t, a) => Partition((string)t, Sub(a, "rpartition"), fromRight: true),
        ["splitlines"] = (t, a) => SplitLines(NoArgs(t, a, "splitlines")),
        ["center"] = (t, a) => Pad((string)t, a, "center"),
        ["ljust"] = (t, a) => Pad((string)t, a, "ljust"),
        ["rjust"] = (t, a) => Pad((string)t, a, "rjust"),
    };

    public static bool TryGet(string name, out MethodFunction method) => All.TryGetValue(name, out method!);

    private static string NoArgs(object target, CallArguments arguments, string name)
    {
        Args.Check(arguments, $"str.{name}()", 0);
        return (string)target;
    }

    private static string Sub(CallArguments arguments, string name)
    {
        Args.Require(arguments, $"str.{name}()", 1, "sub");
        return arguments.Positional[0] as string ?? throw RenderErrors.Type(arguments.CallSpan, $"str.{name}() needs a string argument, not {PythonTypes.NameOf(arguments.Positional[0])}");
    }

    private static bool All_(string s, Func<char, bool> predicate)
    {
        if (s.Length == 0) return false;
        foreach (var c in s)
        {
            if (!predicate(c)) return false;
        }
        return true;
    }

    private static bool IsCase(string s, bool lower)
    {
        var cased = false;
        foreach (var c in s)
        {
            if (char.IsUpper(c))
            {
                if (lower) return false;
                cased = true;
            }
            else if (char.IsLower(c))
            {
                if (!lower) return false;
                cased = true;
            }
        }
        return cased;
    }

    private static object? Split(string s, CallArguments arguments, bool fromRight)
    {
        var name = fromRight ? "str.rsplit()" : "str.split()";
        Args.Check(arguments, name, 2, "sep", "maxsplit");
        var sep = Args.String(arguments, 0, "sep", null, name);
        var maxSplit = Args.Int(arguments, 1, "maxsplit", -1, name);
        if (sep is not null && sep.Length == 0) throw RenderErrors.Value(arguments.CallSpan, "empty separator", "pass a non-empty separator, or none to split on whitespace");
        var parts = sep is null ? SplitWhitespace(s) : new List<string>(s.Split(sep));
        if (maxSplit >= 0 && parts.Count > maxSplit + 1)
        {
            // Re-join the surplus pieces on the side the split did not reach.
            if (sep is null)
            {
                return fromRight ? SplitWhitespaceLimited(s, maxSplit, true) : SplitWhitespaceLimited(s, maxSplit, false);
            }
            var keep = (int)maxSplit;
            if (fromRight)
            {
                var head = string.Join(sep, parts.GetRange(0, parts.Count - keep));
                parts = [head, .. parts.GetRange(parts.Count - keep, keep)];
            }
            else
            {
                var tail = string.Join(sep, parts.GetRange(keep, parts.Count - keep));
                parts = [.. parts.GetRange(0, keep), tail];
            }
        }
        var result = new List<object?>(parts.Count);
        foreach (var part in parts) result.Add(part);
        return result;
    }

    private static List<string> SplitWhitespace(string s) =>
        new(s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<object?> SplitWhitespaceLimited(string s, long maxSplit, bool fromRight)
    {
        var result = new List<object?>();
        if (!fromRight)
        {
            var i = 0;
            while (true)
            {
                while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
                if (i >= s.Length) break;
                if (result.Count == maxSplit)
                {
                    result.Add(s[i..].TrimEnd());
                    break;
                }
                var start = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i])) i++;
                result.Add(s[start..i]);
            }
            return result;
        }
        var j = s.Length;
        var reversed = new List<object?>();
        while (true)
        {
            while (j > 0 && char.IsWhiteSpace(s[j - 1])) j--;
            if (j <= 0) break;
            if (reversed.Count == maxSplit)
            {
                reversed.Add(s[..j].TrimStart());
                break;
            }
            var end = j;
            while (j > 0 && !char.IsWhiteSpace(s[j - 1])) j--;
            reversed.Add(s[j..end]);
        }
        reversed.Reverse();
        return reversed;
    }

    private static object? Strip(string s, CallArguments arguments, string name, bool left, bool right)
    {
        Args.Check(arguments, $"str.{name}()", 1, "chars");
        var chars = Args.String(arguments, 0, "chars", null, $"str.{name}()");
        if (chars is null) return left && right ? s.Trim() : left ? s.TrimStart() : s.TrimEnd();
        var set = chars.ToCharArray();
        return left && right ? s.Trim(set) : left ? s.TrimStart(set) : s.TrimEnd(set);
    }

    private static object? Replace(object target, CallArguments arguments)
    {
        Args.Require(arguments, "str.replace()", 2, "old", "new", "count");
        var old = arguments.Positional.Count > 0 ? arguments.Positional[0] : arguments.Get(0, "old");
        var replacement = arguments.Get(1, "new");
        if (old is not string o || replacement is not string n)
        {
            throw RenderErrors.Type(arguments.CallSpan, "str.replace() arguments must be strings", "convert them with |string");
        }
        return ReplaceCount((string)target, o, n, Args.Int(arguments, 2, "count", -1, "str.replace()"));
    }

    internal static string ReplaceCount(string s, string old, string replacement, long count)
    {
        if (count < 0) return old.Length == 0 ? InsertEverywhere(s, replacement) : s.Replace(old, replacement, StringComparison.Ordinal);
        var sb = new StringBuilder();
        var position = 0;
        for (var done = 0; done < count; done++)
        {
            var found = s.IndexOf(old, position, StringComparison.Ordinal);
            if (found < 0 || old.Length == 0) break;
            sb.Append(s, position, found - position).Append(replacement);
            position = found + old.Length;
        }
        return sb.Append(s, position, s.Length - position).ToString();
    }

    private static string InsertEverywhere(string s, string insert)
    {
        var sb = new StringBuilder(insert);
        foreach (var c in s) sb.Append(c).Append(insert);
        return sb.ToString();
    }
}
