using System.Globalization;
using System.Text;

namespace ModelForge.Bench.Compile;

/// <summary>
/// Writes a project of N models shaped like real ones: a source per 20 staging models, staging
/// models with a config call and a macro, marts that ref three earlier models, loop over a
/// column list and branch on a var.
/// </summary>
internal static class SyntheticProject
{
    private const string StagingTemplate = """
        {{ config(tags=['staging', 'batch_@BATCH@']) }}
        -- staging model @I@: rename, cast and clean one raw table
        with source as (
            select * from {{ source('raw', 'table_@SOURCE@') }}
        ),
        renamed as (
            select
                id as record_id,
                customer_id,
                {{ cents_to_dollars('amount_cents') }} as amount,
                cast(created_at as timestamp) as created_at,
                lower(status) as status
            from source
            where created_at >= '{{ var("start_date") }}'
        )
        select * from renamed
        """;

    public static string Write(string root, int models)
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(Path.Combine(root, "models", "staging"));
        Directory.CreateDirectory(Path.Combine(root, "models", "marts"));
        Directory.CreateDirectory(Path.Combine(root, "macros"));
        File.WriteAllText(Path.Combine(root, "forge_project.yml"),
            "name: bench\nprofile: bench\nvars:\n  start_date: '2024-01-01'\nmodels:\n  bench:\n    staging:\n      +materialized: view\n      +schema: staging\n    marts:\n      +materialized: table\n      +schema: marts\n");
        File.WriteAllText(Path.Combine(root, "macros", "cents.sql"),
            "{% macro cents_to_dollars(column, scale=2) %}round(cast({{ column }} as decimal(18, 4)) / 100, {{ scale }}){% endmacro %}\n");

        var staging = Math.Max(1, models / 5);
        var sources = new StringBuilder("version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables:\n");
        for (var s = 0; s < (staging + 19) / 20; s++) sources.Append(CultureInfo.InvariantCulture, $"      - name: table_{s}\n");
        File.WriteAllText(Path.Combine(root, "models", "staging", "_sources.yml"), sources.ToString());

        for (var i = 0; i < staging; i++)
        {
            File.WriteAllText(Path.Combine(root, "models", "staging", $"stg_{i:D5}.sql"), StagingTemplate
                .Replace("@I@", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("@BATCH@", (i % 7).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("@SOURCE@", (i / 20).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
        var random = new Random(42);
        for (var i = staging; i < models; i++)
        {
            var refs = Enumerable.Range(0, 3).Select(_ => random.Next(0, i)).Distinct().Select(Name).ToList();
            var body = new StringBuilder();
            body.Append("{% set metrics = ['amount', 'quantity', 'discount'] %}\n");
            body.Append(CultureInfo.InvariantCulture, $"-- mart model {i}\n");
            for (var r = 0; r < refs.Count; r++)
                body.Append(CultureInfo.InvariantCulture, $"{(r == 0 ? "with" : ",")} upstream_{r} as (\n    select * from {{{{ ref('{refs[r]}') }}}}\n)\n");
            body.Append("select\n    upstream_0.record_id,\n");
            body.Append("    {% for m in metrics %}sum(upstream_0.{{ m }}) as total_{{ m }}{% if not loop.last %},\n    {% endif %}{% endfor %}\n");
            body.Append("from upstream_0\n");
            for (var r = 1; r < refs.Count; r++) body.Append(CultureInfo.InvariantCulture, $"left join upstream_{r} on upstream_{r}.record_id = upstream_0.record_id\n");
            body.Append("{% if var('start_date') %}where upstream_0.created_at >= '{{ var(\"start_date\") }}'{% endif %}\n");
            body.Append("group by 1\n");
            File.WriteAllText(Path.Combine(root, "models", "marts", $"{Name(i)}.sql"), body.ToString());
        }
        return root;

        string Name(int index) => index < staging ? $"stg_{index:D5}" : $"fct_{index:D5}";
    }
}
