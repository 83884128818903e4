using System.Globalization;
using System.Text;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

/// <summary>
/// A generated project of 10,000 models (plus sources) documented once with
/// <c>forge docs generate --empty-catalog</c>, for the browser tests of the site at scale. Its
/// shape follows a real warehouse: sources, staging per domain, intermediate models per domain
/// that ref staging and earlier intermediate models, marts that ref intermediate models.
/// </summary>
internal static class LargeSite
{
    public const int Models = 10_000;
    public const int Sources = 100;
    public const string Project = "scale";
    private static readonly string[] Domains = ["billing", "crm", "finance", "growth", "inventory", "logistics", "marketing", "payments", "product", "support"];
    private static readonly Lazy<TempProject> Site = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static TempProject Generated => Site.Value;

    public static string IndexUrl => new Uri(Path.Combine(Generated.Root, "target", "docs", "index.html")).AbsoluteUri;

    public static void Dispose()
    {
        if (Site.IsValueCreated) Site.Value.Dispose();
    }

    /// <summary>Model number <paramref name="index"/>'s name: stg_ (first tenth), int_ (next six tenths) or fct_.</summary>
    public static string Name(int index) =>
        index < Models / 10 ? $"stg_{index:D5}" : index < Models * 7 / 10 ? $"int_{index:D5}" : $"fct_{index:D5}";

    public static string Folder(int index) =>
        $"{(index < Models / 10 ? "staging" : index < Models * 7 / 10 ? "intermediate" : "marts")}/{Domains[index % Domains.Length]}";

    /// <summary>The models <paramref name="index"/> refs: from the previous layer, deterministic.</summary>
    public static IReadOnlyList<int> Parents(int index)
    {
        if (index < Models / 10) return [];
        var from = index < Models * 7 / 10 ? 0 : Models / 10;
        var parents = new SortedSet<int>();
        for (var k = 1; k <= 1 + index % 3; k++) parents.Add(from + (int)(((long)index * 7919 * k) % (index - from)));
        return parents.ToList();
    }

    private static TempProject Build()
    {
        var project = new TempProject(Project).WithProjectFile("models:\n  scale:\n    +materialized: view\n");
        var sources = new StringBuilder("version: 2\nsources:\n  - name: raw\n    tables:\n");
        for (var s = 0; s < Sources; s++) sources.Append(CultureInfo.InvariantCulture, $"      - name: table_{s:D3}\n");
        project.With("models/staging/_sources.yml", sources.ToString());
        for (var i = 0; i < Models; i++)
        {
            var parents = Parents(i);
            var sql = parents.Count == 0
                ? $"select id, amount, '{Name(i)}' as origin from {{{{ source('raw', 'table_{i % Sources:D3}') }}}}\n"
                : string.Join("\nunion all\n", parents.Select(p => $"select id, amount, origin from {{{{ ref('{Name(p)}') }}}}")) + "\n";
            project.With($"models/{Folder(i)}/{Name(i)}.sql", sql);
        }
        var result = project.Forge("docs", "generate", "--empty-catalog");
        Assert.That(result.ExitCode, Is.EqualTo(0), $"forge docs generate on the generated project failed:\n{result}");
        return project;
    }
}
