using System.Globalization;
using System.Text;

namespace ModelForge.Bench.Docs;

/// <summary>
/// Writes a project of N models for the docs benchmark: staging models over sources, marts that
/// ref three earlier models, and schema YAML describing every model and five columns each, so the
/// site carries descriptions, columns and SQL in realistic amounts.
/// </summary>
internal static class SyntheticProject
{
    public static void Write(string root, int models)
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        foreach (var folder in new[] { "models/staging", "models/marts" }) Directory.CreateDirectory(Path.Combine(root, folder));
        File.WriteAllText(Path.Combine(root, "forge_project.yml"),
            "name: bench\nprofile: bench\nmodels:\n  bench:\n    staging:\n      +materialized: view\n      +schema: staging\n      +tags: ['staging']\n    marts:\n      +materialized: table\n      +schema: marts\n      +tags: ['marts']\n");
        File.WriteAllText(Path.Combine(root, "models", "overview.md"),
            "{% docs __overview__ %}\n# Benchmark project\n\nA generated project of " + models.ToString(CultureInfo.InvariantCulture) + " models.\n{% enddocs %}\n");

        var staging = Math.Max(1, models / 5);
        var sources = new StringBuilder("version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables:\n");
        for (var s = 0; s < (staging + 19) / 20; s++) sources.Append(CultureInfo.InvariantCulture, $"      - name: table_{s}\n        description: Raw export number {s}.\n");
        File.WriteAllText(Path.Combine(root, "models", "staging", "_sources.yml"), sources.ToString());

        var yaml = new StringBuilder("version: 2\nmodels:\n");
        for (var i = 0; i < staging; i++)
        {
            File.WriteAllText(Path.Combine(root, "models", "staging", $"{Name(i)}.sql"),
                $"select id as record_id, customer_id, amount_cents / 100.0 as amount, cast(created_at as timestamp) as created_at, lower(status) as status\nfrom {{{{ source('raw', 'table_{i / 20}') }}}}\n");
            Describe(yaml, Name(i));
        }
        var random = new Random(42);
        for (var i = staging; i < models; i++)
        {
            var refs = Enumerable.Range(0, 3).Select(_ => random.Next(Math.Max(0, i - 400), i)).Distinct().Select(Name).ToList();
            var body = new StringBuilder("with ");
            for (var r = 0; r < refs.Count; r++) body.Append(CultureInfo.InvariantCulture, $"{(r == 0 ? "" : ",\n")}u{r} as (select * from {{{{ ref('{refs[r]}') }}}})");
            body.Append("\nselect u0.record_id, u0.customer_id, sum(u0.amount) as amount, max(u0.created_at) as created_at, min(u0.status) as status\nfrom u0\n");
            for (var r = 1; r < refs.Count; r++) body.Append(CultureInfo.InvariantCulture, $"left join u{r} on u{r}.record_id = u0.record_id\n");
            body.Append("group by 1, 2\n");
            File.WriteAllText(Path.Combine(root, "models", "marts", $"{Name(i)}.sql"), body.ToString());
            Describe(yaml, Name(i));
        }
        File.WriteAllText(Path.Combine(root, "models", "_models.yml"), yaml.ToString());

        string Name(int index) => index < staging ? $"stg_{index:D5}" : $"fct_{index:D5}";
    }

    private static void Describe(StringBuilder yaml, string name)
    {
        yaml.Append(CultureInfo.InvariantCulture, $"  - name: {name}\n    description: The {name} model, one row per **record** with amounts summed per customer.\n    columns:\n");
        foreach (var column in new[] { "record_id", "customer_id", "amount", "created_at", "status" })
        {
            yaml.Append(CultureInfo.InvariantCulture, $"      - name: {column}\n        description: The {column.Replace('_', ' ')} of the record.\n");
        }
    }
}
