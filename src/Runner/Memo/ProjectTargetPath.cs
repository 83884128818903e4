using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Memo;

/// <summary>
/// Where the project file's <c>target-path</c> points, read without loading the project: the memo
/// is looked for before the load. A guess only: a templated value, or any doubt, gives null (the
/// default target/), and <see cref="InvocationMemo"/> still refuses to write a memo whose place the
/// loaded project contradicts. Read line by line rather than by a regular expression: this runs at
/// process start, where the regex engine's first use costs more than the whole memo check.
/// </summary>
internal static class ProjectTargetPath
{
    private const string Key = "target-path:";

    public static string? Read(string projectDirectory)
    {
        foreach (var name in ProjectFileParser.FileNames)
        {
            var path = Path.Combine(projectDirectory, name);
            string text;
            try
            {
                if (!File.Exists(path)) continue;
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            return Find(text);
        }
        return null;
    }

    /// <summary>
    /// The value of the one top-level <c>target-path:</c> line (no indentation) holding a plain, single- or
    /// double-quoted value with no template braces (nor a backslash in double quotes), an optional comment after
    /// it; null when no line or more than one is such, or the value is empty.
    /// </summary>
    internal static string? Find(string text)
    {
        string? found = null;
        var count = 0;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(Key, StringComparison.Ordinal)) continue;
            var rest = line.AsSpan(Key.Length);
            if (rest.EndsWith("\r")) rest = rest[..^1];
            if (ValueOf(rest) is not { } value) continue;
            found = value;
            count++;
        }
        return count == 1 && found!.Length > 0 ? found : null;
    }

    // The value after the key, or null when the rest of the line is not one the guess trusts.
    private static string? ValueOf(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(" \t");
        if (rest.IsEmpty) return null;
        string value;
        if (rest[0] is '"' or '\'')
        {
            var quote = rest[0];
            var close = rest[1..].IndexOf(quote);
            if (close < 0) return null;
            var quoted = rest.Slice(1, close);
            if (quoted.IndexOfAny(quote == '"' ? "\\{}" : "{}") >= 0) return null;
            value = quoted.ToString();
            rest = rest[(close + 2)..].TrimStart(" \t");
            return rest.IsEmpty || rest[0] == '#' ? value : null;
        }
        if (char.IsWhiteSpace(rest[0]) || rest[0] is '#' or '{' or '}') return null;
        var end = rest.IndexOfAny("#{}");
        if (end >= 0 && rest[end] != '#') return null;
        return (end < 0 ? rest : rest[..end]).Trim().ToString();
    }
}
