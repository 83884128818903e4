using System.Globalization;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>
/// The versioned models of a project, keyed by the file (name without extension) that defines each
/// version: <c>defined_in</c>, or <c>&lt;model&gt;_v&lt;v&gt;</c> as dbt defaults it.
/// </summary>
internal sealed class ModelVersionIndex
{
    private readonly Dictionary<string, ModelVersion> _byFile = new(StringComparer.Ordinal);

    public ModelVersionIndex(ProjectSchema schema, DiagnosticBag diagnostics)
    {
        foreach (var model in schema.Models)
        {
            if (!model.Raw.TryGetValue("versions", out var raw) || raw is not IList<object?> entries) continue;
            var parsed = new List<(NodeVersion V, IDictionary<string, object?> Entry)>();
            foreach (var entry in entries)
            {
                if (entry is not IDictionary<string, object?> map || map.TryGetValue("v", out var v) is false || NodeVersion.From(v) is not { } number)
                {
                    diagnostics.Add(DiagnosticCodes.Access.BadVersion(model.Span, model.Name));
                    continue;
                }
                parsed.Add((number, map));
            }
            if (parsed.Count == 0) continue;
            var latest = model.Raw.TryGetValue("latest_version", out var l) && NodeVersion.From(l) is { } declared ? declared : parsed.Max(p => p.V);
            foreach (var (v, entry) in parsed)
            {
                var file = entry.TryGetValue("defined_in", out var d) && d is string definedIn ? definedIn : $"{model.Name}_v{v}";
                var config = entry.TryGetValue("config", out var c) && c is IDictionary<string, object?> cm
                    ? new Dictionary<string, object?>(cm, StringComparer.Ordinal) : (IReadOnlyDictionary<string, object?>)Empty.Dictionary;
                var deprecation = AsDate(entry.TryGetValue("deprecation_date", out var dd) ? dd
                    : model.Raw.TryGetValue("deprecation_date", out var md) ? md : null);
                var columns = entry.TryGetValue("columns", out var cols) ? cols as IList<object?> : null;
                _byFile.TryAdd(file, new ModelVersion(model, v, latest, file, deprecation, config, columns?.ToList()));
            }
        }
    }

    public ModelVersion? ForFile(string fileName) => _byFile.GetValueOrDefault(fileName);

    private static DateTimeOffset? AsDate(object? value) => value switch
    {
        DateTime d => new DateTimeOffset(d, TimeSpan.Zero),
        DateTimeOffset o => o,
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };
}
