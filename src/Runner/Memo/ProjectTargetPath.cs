using System.Text.RegularExpressions;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Memo;

/// <summary>
/// Where the project file's <c>target-path</c> points, read without loading the project: the memo
/// is looked for before the load. A guess only: a templated value, or any doubt, gives null (the
/// default target/), and <see cref="InvocationMemo"/> still refuses to write a memo whose place the
/// loaded project contradicts.
/// </summary>
internal static partial class ProjectTargetPath
{
    // A top-level key (no indentation), with an optional quoted or plain value and an optional comment.
    [GeneratedRegex("""^target-path:[ \t]*(?:"([^"\\{}]*)"|'([^'{}]*)'|([^\s#'"{}][^#{}]*?))[ \t]*(?:#.*)?\r?$""", RegexOptions.Multiline)]
    private static partial Regex TopLevelKey();

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
            var matches = TopLevelKey().Matches(text);
            if (matches.Count != 1) return null;
            var groups = matches[0].Groups;
            var value = groups[1].Success ? groups[1].Value : groups[2].Success ? groups[2].Value : groups[3].Value.Trim();
            return value.Length == 0 ? null : value;
        }
        return null;
    }
}
