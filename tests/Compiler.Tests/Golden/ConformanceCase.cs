namespace ModelForge.Compiler.Tests.Golden;

/// <summary>
/// One conformance case file: a JSON object (the render context), a line <c>---</c>, then the
/// template, exactly: everything after the <c>---</c> line break is template, trailing newline included.
/// tools/conformance/generate.py splits files the same way.
/// </summary>
/// <param name="RelativePath">Path under tests/Golden/templating with '/' separators; also the template's file name in diagnostics.</param>
internal sealed record ConformanceCase(string RelativePath, string ContextJson, string Template)
{
    public const string Separator = "---";

    /// <summary>Error cases (<c>err-*.jinja</c>) expect the printed diagnostic instead of output.</summary>
    public bool IsErrorCase => System.IO.Path.GetFileName(RelativePath).StartsWith("err-", StringComparison.Ordinal);

    /// <summary><c>dir/case.jinja</c> → <c>dir/case.verified.txt</c>.</summary>
    public string VerifiedRelativePath => VerifiedPathOf(RelativePath);

    public static string VerifiedPathOf(string casePath)
    {
        var dot = casePath.LastIndexOf('.');
        var slash = casePath.LastIndexOf('/');
        var stem = dot > slash ? casePath[..dot] : casePath;
        return stem + ".verified.txt";
    }

    public static ConformanceCase Parse(string relativePath, string fileText)
    {
        var lineStart = 0;
        while (lineStart <= fileText.Length)
        {
            var lineEnd = fileText.IndexOf('\n', lineStart);
            var end = lineEnd < 0 ? fileText.Length : lineEnd;
            if (fileText.AsSpan(lineStart, end - lineStart).SequenceEqual(Separator))
            {
                var template = lineEnd < 0 ? "" : fileText[(lineEnd + 1)..];
                return new ConformanceCase(relativePath, fileText[..lineStart], template);
            }
            if (lineEnd < 0) break;
            lineStart = lineEnd + 1;
        }
        throw new InvalidDataException($"{relativePath}: no '{Separator}' line between the JSON context and the template");
    }
}
