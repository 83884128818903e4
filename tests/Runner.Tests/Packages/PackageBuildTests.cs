using System.Text.Json;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Packages;

/// <summary>
/// `forge build` of a project using a hand-written package installed in dbt_packages/: the
/// package's macros, model, seed and generic test run on real DuckDB beside the root project's.
/// </summary>
public sealed class PackageBuildTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp()
    {
        _project = new TempProject("demo")
            .WithProjectFile("seeds:\n  shop_utils:\n    +schema: lookups\n")
            .With("dbt_packages/shop_utils/dbt_project.yml", """
                name: shop_utils
                version: '1.0.0'
                config-version: 2
                vars:
                  shop_utils_factor: 10
                models:
                  shop_utils:
                    +materialized: table
                """)
            .With("dbt_packages/shop_utils/macros/star.sql", """
                {% macro star(columns) %}{{ return(adapter.dispatch('star', 'shop_utils')(columns)) }}{% endmacro %}
                {% macro default__star(columns) %}{{ join_columns(columns) }}{% endmacro %}
                {% macro duckdb__star(columns) %}{{ join_columns(columns) }}{% endmacro %}
                {% macro join_columns(columns) %}{{ columns | join(', ') }}{% endmacro %}
                """)
            .With("dbt_packages/shop_utils/macros/generic.sql", """
                {% test is_positive(model, column_name) %}
                select * from {{ model }} where {{ column_name }} <= 0
                {% endtest %}
                """)
            .With("dbt_packages/shop_utils/models/util_numbers.sql",
                "select n, n * {{ var('shop_utils_factor') }} as scaled from (values (1), (2), (3)) as t(n)\n")
            .With("dbt_packages/shop_utils/models/schema.yml", """
                version: 2
                models:
                  - name: util_numbers
                    columns:
                      - name: n
                        data_tests:
                          - is_positive
                """)
            .With("dbt_packages/shop_utils/seeds/util_codes.csv", "code,label\n1,one\n2,two\n3,three\n")
            .With("models/orders.sql",
                "select {{ shop_utils.star(['u.n', 'u.scaled', 'c.label']) }}\nfrom {{ ref('util_numbers') }} u\njoin {{ ref('util_codes') }} c on c.code = u.n\n")
            .With("models/schema.yml", """
                version: 2
                models:
                  - name: orders
                    columns:
                      - name: scaled
                        data_tests:
                          - shop_utils.is_positive
                """);
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Build_runs_the_packages_seed_model_and_tests_with_the_root_project()
    {
        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var rows = Database.Query(_project.DatabasePath, "select n, scaled, label from main.orders order by n");
        Assert.That(rows.Select(r => (Convert.ToInt64(r[0]), Convert.ToInt64(r[1]), (string?)r[2])),
            Is.EqualTo(new[] { (1L, 10L, "one"), (2L, 20L, "two"), (3L, 30L, "three") }));
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "util_numbers"), Is.EqualTo("table"));
        Assert.That(Database.Scalar(_project.DatabasePath, "select count(*) from main_lookups.util_codes"), Is.EqualTo(3L));
        Assert.That(result.Output, Does.Contain("is_positive_util_numbers_n"));
        Assert.That(result.Output, Does.Contain("shop_utils_is_positive_orders_scaled"));
    }

    [Test]
    public void The_manifest_lists_package_nodes_with_their_package()
    {
        var result = _project.Forge("build");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());

        using var manifest = JsonDocument.Parse(_project.Read("target/manifest.json"));
        var nodes = manifest.RootElement.GetProperty("nodes");
        var model = nodes.GetProperty("model.shop_utils.util_numbers");
        Assert.That(model.GetProperty("package_name").GetString(), Is.EqualTo("shop_utils"));
        Assert.That(model.GetProperty("original_file_path").GetString(), Is.EqualTo("models/util_numbers.sql"));
        Assert.That(nodes.GetProperty("seed.shop_utils.util_codes").GetProperty("schema").GetString(), Is.EqualTo("main_lookups"));
        Assert.That(manifest.RootElement.GetProperty("parent_map").GetProperty("model.demo.orders").EnumerateArray().Select(e => e.GetString()),
            Is.EquivalentTo(new[] { "model.shop_utils.util_numbers", "seed.shop_utils.util_codes" }));
    }

    [Test]
    public void Command_line_vars_override_a_packages_var_default_in_the_built_data()
    {
        var result = _project.Forge("build", "--vars", "{shop_utils_factor: 100}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Scalar(_project.DatabasePath, "select max(scaled) from main.util_numbers"), Is.EqualTo(300L));
    }
}
