using System.Globalization;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Targets;

/// <summary>
/// Where and how a <c>materialized='external'</c> model is written, read from its config as
/// dbt-duckdb reads it: <c>location</c> (default <c>external_root/identifier.format</c>, a folder
/// when partitioned), <c>format</c> (parquet, csv or json; else the location's extension; else
/// parquet), <c>delimiter</c>, <c>partition_by</c> and <c>options</c> (COPY options, written as given).
/// </summary>
/// <param name="Location">Absolute path (or a remote URL, which is written in place).</param>
/// <param name="Options">COPY options in order, each rendered as SQL (<c>format parquet</c>, <c>delimiter ';'</c>).</param>
/// <param name="ReadLocation">The path or glob the view reads (a partitioned folder's files).</param>
internal sealed record ExternalFile(string Location, string Format, IReadOnlyList<string> Options, string ReadLocation, bool Partitioned)
{
    private static readonly string[] QuotedOptions = ["delimiter", "quote", "escape", "null"];

    /// <summary>A path with a scheme (s3://, https://) is written by DuckDB directly; forge cannot move it.</summary>
    public bool IsRemote => Location.Contains("://", StringComparison.Ordinal);

    /// <summary>Null with <paramref name="error"/> set when the format is not one DuckDB writes.</summary>
    public static ExternalFile? From(NodeConfig config, string model, string identifier, string externalRoot, string projectRoot,
        SourceSpan? span, out Diagnostic? error)
    {
        error = null;
        var options = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (config.Get("options") is IReadOnlyDictionary<string, object?> given)
        {
            foreach (var (key, value) in given) options[key] = value;
        }
        // The older top-level spellings, as dbt-duckdb still accepts them (format and delimiter win over options).
        if (config.GetString("format") is { Length: > 0 } format) options["format"] = format;
        if (config.GetString("delimiter") is { Length: > 0 } delimiter) options["delimiter"] = delimiter;
        if (config.Get("partition_by") is { } partition && !options.ContainsKey("partition_by")) options["partition_by"] = partition;
        var partitioned = options.TryGetValue("partition_by", out var by) && by is not null;

        var configured = options.TryGetValue("format", out var f) ? Text(f).ToLowerInvariant() : null;
        if (configured is not null && !DiagnosticCodes.ExternalFiles.Formats.Contains(configured))
        {
            error = DiagnosticCodes.ExternalFiles.InvalidFormat(span, model, configured);
            return null;
        }
        var fallback = options.ContainsKey("delimiter") ? "csv" : "parquet";
        var location = config.GetString("location") is { Length: > 0 } written
            ? Resolve(projectRoot, written)
            : Join(externalRoot, partitioned ? identifier : $"{identifier}.{configured ?? fallback}");
        var extension = Path.GetExtension(location).TrimStart('.').ToLowerInvariant();
        var chosen = configured ?? (DiagnosticCodes.ExternalFiles.Formats.Contains(extension) ? extension : fallback);
        options["format"] = chosen;
        if (chosen == "csv" && !options.ContainsKey("header")) options["header"] = true;

        var rendered = options.Select(o => $"{o.Key} {OptionValue(o.Key, o.Value)}").ToList();
        return new ExternalFile(location, chosen, rendered, ReadLocationOf(location, chosen, options), partitioned);
    }

    // dbt-duckdb reads a partitioned folder through one glob level per partition column.
    private static string ReadLocationOf(string location, string format, Dictionary<string, object?> options)
    {
        var levels = options.GetValueOrDefault("partition_by") is { } by ? Columns(by).Count : 0;
        if (levels == 0 && !IsTrue(options.GetValueOrDefault("per_thread_output"))) return location;
        return location + string.Concat(Enumerable.Repeat("/*", levels + 1)) + "." + format;
    }

    private static string OptionValue(string key, object? value)
    {
        if (key.Equals("partition_by", StringComparison.OrdinalIgnoreCase))
        {
            var text = value is string s && s.TrimStart().StartsWith('(') ? s : $"({string.Join(", ", Columns(value))})";
            return text;
        }
        var plain = Text(value);
        return QuotedOptions.Contains(key.ToLowerInvariant()) && !plain.StartsWith('\'') ? "'" + plain.Replace("'", "''", StringComparison.Ordinal) + "'" : plain;
    }

    private static List<string> Columns(object? value) => value switch
    {
        string s => s.Trim().Trim('(', ')').Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToList(),
        IEnumerable<object?> list => list.Select(Text).ToList(),
        _ => [],
    };

    private static bool IsTrue(object? value) => value is true || (value is string s && s.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static string Text(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Resolve(string root, string path) =>
        path.Contains("://", StringComparison.Ordinal) ? path : Path.GetFullPath(Path.Combine(root, path));

    private static string Join(string root, string name) =>
        root.Contains("://", StringComparison.Ordinal) ? root.TrimEnd('/') + "/" + name : Path.Combine(root, name);
}
