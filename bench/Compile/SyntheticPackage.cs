using System.Globalization;
using System.Text;

namespace ModelForge.Bench.Compile;

/// <summary>
/// Installs a package shaped like dbt_utils into a project's dbt_packages/: 50 macro files, each
/// with a dispatching macro and its default__/duckdb__ variants calling a shared helper (150
/// macros), a generic test, and package vars and configs.
/// </summary>
internal static class SyntheticPackage
{
    public const int MacroFiles = 50;

    public static void Install(string projectRoot)
    {
        var root = Path.Combine(projectRoot, "dbt_packages", "bench_utils");
        Directory.CreateDirectory(Path.Combine(root, "macros", "generic"));
        File.WriteAllText(Path.Combine(root, "dbt_project.yml"),
            "name: bench_utils\nversion: '1.0.0'\nconfig-version: 2\nrequire-dbt-version: ['>=1.3.0', '<2.0.0']\nvars:\n  bench_utils_limit: 10\nmodels:\n  bench_utils:\n    +materialized: view\n");
        for (var i = 0; i < MacroFiles; i++)
        {
            var name = $"util_{i:D3}";
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{{% macro {name}(column, values=[]) %}}{{{{ return(adapter.dispatch('{name}', 'bench_utils')(column, values)) }}}}{{% endmacro %}}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"{{% macro default__{name}(column, values=[]) %}}\n    case {{% for v in values %}}when {{{{ column }}}} = '{{{{ v }}}}' then {{{{ loop.index }}}} {{% endfor %}}else 0 end\n{{% endmacro %}}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"{{% macro duckdb__{name}(column, values=[]) %}}\n    {{{{ default__{name}(column, values) }}}} /* {{{{ var('bench_utils_limit') }}}} */\n{{% endmacro %}}\n");
            File.WriteAllText(Path.Combine(root, "macros", $"{name}.sql"), text.ToString());
        }
        File.WriteAllText(Path.Combine(root, "macros", "generic", "not_negative.sql"),
            "{% test not_negative(model, column_name) %}\nselect * from {{ model }} where {{ column_name }} < 0\n{% endtest %}\n");
    }
}
