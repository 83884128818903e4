using System.Globalization;
using System.Xml;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Reporting;

/// <summary>
/// Writes target/junit.xml for CI systems: one testsuite per invocation, one testcase per node
/// (classname = resource type and path, name = node name, time in seconds). FAIL becomes
/// <c>&lt;failure&gt;</c>, ERROR <c>&lt;error&gt;</c>, SKIP <c>&lt;skipped&gt;</c>, each with the message and
/// the compiled SQL path; a WARN passes and says so in <c>&lt;system-out&gt;</c>, as JUnit has no warnings.
/// </summary>
internal static class JUnitWriter
{
    public static void Write(string path, RunSummary summary, IReadOnlyDictionary<string, ProjectNode> nodes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using var file = AtomicFile.Create(path);
        using var xml = XmlWriter.Create(file.Stream, settings);
        var failures = summary.Count(NodeStatus.Fail);
        var errors = summary.Count(NodeStatus.Error) + summary.Count(NodeStatus.PartialSuccess);
        var skipped = summary.Count(NodeStatus.Skipped);
        var time = Seconds(summary.Elapsed);

        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "forge");
        WriteCounts(xml, summary.Results.Count, failures, errors, skipped, time);
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", $"forge {summary.Command}");
        WriteCounts(xml, summary.Results.Count, failures, errors, skipped, time);
        xml.WriteAttributeString("timestamp", summary.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("id", summary.InvocationId);
        foreach (var result in summary.Results) WriteCase(xml, result, nodes.GetValueOrDefault(result.UniqueId));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        file.Complete();
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures, int errors, int skipped, string time)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", time);
    }

    private static void WriteCase(XmlWriter xml, NodeResult result, ProjectNode? node)
    {
        xml.WriteStartElement("testcase");
        var type = node?.ResourceType.ArtifactName() ?? result.UniqueId.Split('.')[0];
        xml.WriteAttributeString("classname", node is null ? type : $"{type}/{node.Path}");
        xml.WriteAttributeString("name", node?.Name ?? result.UniqueId);
        xml.WriteAttributeString("time", Seconds(result.ExecutionTime));
        var message = Clean(result.Diagnostic?.ToString() ?? result.Message ?? result.Status.ToArtifactString());
        var body = Clean(Body(result));
        switch (result.Status)
        {
            case NodeStatus.Fail:
                Element(xml, "failure", message, "fail", body);
                break;
            case NodeStatus.Error or NodeStatus.PartialSuccess:
                Element(xml, "error", message, result.Status.ToArtifactString(), body);
                break;
            case NodeStatus.Skipped:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", message);
                xml.WriteEndElement();
                break;
            case NodeStatus.Warn:
                xml.WriteElementString("system-out", $"WARN {result.Failures}: {message}");
                break;
        }
        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string message, string type, string body)
    {
        xml.WriteStartElement(name);
        xml.WriteAttributeString("message", message);
        xml.WriteAttributeString("type", type);
        xml.WriteString(body);
        xml.WriteEndElement();
    }

    private static string Body(NodeResult result)
    {
        var lines = new List<string>();
        if (result.Diagnostic is { } diagnostic) lines.Add(Compiler.Diagnostics.DiagnosticPrinter.Format(diagnostic).TrimEnd());
        else if (result.Message is { } message) lines.Add(message);
        if (result.Failures is { } failures) lines.Add($"failing rows: {failures}");
        if (result.CompiledPath is { } compiled) lines.Add($"compiled SQL: {compiled}");
        return string.Join("\n", lines);
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot carry most control characters, which a database message might contain.</summary>
    private static string Clean(string text)
    {
        if (!text.Any(c => c < ' ' && c is not ('\n' or '\r' or '\t'))) return text;
        return new string(text.Select(c => c < ' ' && c is not ('\n' or '\r' or '\t') ? ' ' : c).ToArray());
    }
}
