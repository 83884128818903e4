using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

public sealed class ConfigResolverTests
{
    private const string ProjectYaml = """
        name: shop
        models:
          +tags: [all]
          +meta: {team: data, tier: 3}
          +post-hook: "analyze {{ this }}"
          shop:
            materialized: table
            schema: base
            staging:
              +materialized: view
              +tags: staging
              +meta: {tier: 2}
              pre_hook: "set x = 1"
              +grants: {select: [reporter]}
              legacy:
                +enabled: false
            marts:
              +grants: {+select: [finance]}
              orders:
                +alias: fct_orders
          other_package:
            +materialized: ephemeral
        seeds:
          shop:
            +quote_columns: false
        data_tests:
          shop:
            +severity: warn
        """;

    private static TempProjectDirectory Project() => new TempProjectDirectory(ProjectYaml)
        .Write("models/staging/stg_orders.sql", "select 1")
        .Write("models/staging/legacy/old.sql", "select 1")
        .Write("models/marts/orders.sql", "select 1")
        .Write("models/top.sql", "select 1")
        .Write("seeds/codes.csv", "x\n1\n")
        .Write("snapshots/snap.sql", "select 1")
        .Write("models/staging/schema.yml", """
            models:
              - name: stg_orders
                tags: [yaml_prop]
                meta: {owner: ana}
                config:
                  materialized: incremental
                  unique_key: [id, day]
                  tags: [yaml, staging]
                  post_hook: ["vacuum {{ this }}"]
                columns:
                  - name: id
                    data_tests:
                      - unique:
                          config: {severity: error}
                      - not_null
            """);

    private static NodeConfig Model(LoadedProject project, string name, IReadOnlyDictionary<string, object?>? inFile = null) =>
        project.Configs.Resolve(project.Models.Single(m => m.Name == name), inFile);

    [Test]
    public void Defaults_apply_when_nothing_is_configured()
    {
        using var dir = new TempProjectDirectory().Write("models/a.sql", "select 1").Write("seeds/s.csv", "x\n").Write("snapshots/n.sql", "");
        var project = dir.LoadClean();
        var model = project.Configs.Resolve(project.Models.Single());
        Assert.That((model.Materialized, model.Enabled, model.Schema, model.Alias, model.OnSchemaChange), Is.EqualTo(("view", true, (string?)null, (string?)null, "ignore")));
        Assert.That(model.Tags, Is.Empty);
        Assert.That(model.PreHook, Is.Empty);
        Assert.That(model.ContractEnforced, Is.False);
        Assert.That(project.Configs.Resolve(project.Seeds.Single()).Materialized, Is.EqualTo("seed"));
        Assert.That(project.Configs.Resolve(project.Snapshots.Single()).Materialized, Is.EqualTo("snapshot"));
    }

    [Test]
    public void Deeper_folders_override_outer_ones()
    {
        using var dir = Project();
        var project = dir.LoadClean();
        Assert.That(Model(project, "top").Materialized, Is.EqualTo("table"));
        Assert.That(Model(project, "top").Schema, Is.EqualTo("base"));
        Assert.That(Model(project, "orders").Alias, Is.EqualTo("fct_orders"));
        Assert.That(Model(project, "old").Enabled, Is.False);
        Assert.That(Model(project, "old").Materialized, Is.EqualTo("view"));
        Assert.That(Model(project, "orders").Materialized, Is.Not.EqualTo("ephemeral"), "other packages' trees do not apply");
    }

    [Test]
    public void Schema_yaml_config_overrides_the_project_and_in_file_config_overrides_both()
    {
        using var dir = Project();
        var project = dir.LoadClean();
        var yaml = Model(project, "stg_orders");
        Assert.That(yaml.Materialized, Is.EqualTo("incremental"));
        Assert.That(yaml.UniqueKey, Is.EqualTo(new[] { "id", "day" }));
        var inFile = Model(project, "stg_orders", new Dictionary<string, object?>
        {
            ["materialized"] = "table", ["tags"] = "from_sql", ["pre_hook"] = "select 2", ["full_refresh"] = false,
            ["incremental_strategy"] = "merge", ["unique_key"] = "id", ["contract"] = new Dictionary<string, object?> { ["enforced"] = true },
            ["on_schema_change"] = "fail",
        });
        Assert.That(inFile.Materialized, Is.EqualTo("table"));
        Assert.That(inFile.UniqueKey, Is.EqualTo(new[] { "id" }));
        Assert.That(inFile.FullRefresh, Is.False);
        Assert.That(inFile.IncrementalStrategy, Is.EqualTo("merge"));
        Assert.That(inFile.ContractEnforced, Is.True);
        Assert.That(inFile.OnSchemaChange, Is.EqualTo("fail"));
        Assert.That(inFile.Tags, Is.EqualTo(new[] { "all", "staging", "yaml_prop", "yaml", "from_sql" }));
        Assert.That(inFile.PreHook.Select(h => h.Sql), Is.EqualTo(new[] { "set x = 1", "select 2" }));
    }

    [Test]
    public void Tags_meta_hooks_and_grants_accumulate()
    {
        using var dir = Project();
        var project = dir.LoadClean();
        var staging = Model(project, "stg_orders");
        Assert.That(staging.Tags, Is.EqualTo(new[] { "all", "staging", "yaml_prop", "yaml" }));
        Assert.That(staging.Meta, Is.EqualTo(new Dictionary<string, object?> { ["team"] = "data", ["tier"] = 2L, ["owner"] = "ana" }));
        Assert.That(staging.PostHook.Select(h => h.Sql), Is.EqualTo(new[] { "analyze {{ this }}", "vacuum {{ this }}" }));
        Assert.That(staging.ContainsKey("post_hook"), Is.False, "hook keys are normalised");
        Assert.That(staging["grants"], Is.EqualTo(new Dictionary<string, object?> { ["select"] = new List<object?> { "reporter" } }));
        var marts = Model(project, "orders");
        Assert.That(marts["grants"], Is.EqualTo(new Dictionary<string, object?> { ["select"] = new List<object?> { "finance" } }));
    }

    [Test]
    public void Models_of_one_folder_get_their_own_entries_and_their_own_lists_and_maps()
    {
        using var dir = Project().Write("models/marts/customers.sql", "select 1");
        var project = dir.LoadClean();
        var orders = Model(project, "orders");
        var customers = Model(project, "customers");
        Assert.That((orders.Alias, customers.Alias), Is.EqualTo(("fct_orders", (string?)null)), "only the model named under the folder gets its entry");

        // A template may change its config's collections in place: that must not reach a sibling or a later resolve.
        ((List<object?>)orders["tags"]!).Add("changed");
        ((Dictionary<string, object?>)orders["meta"]!)["changed"] = true;
        ((List<object?>)((Dictionary<string, object?>)orders["grants"]!)["select"]!).Add("changed");
        ((List<object?>)orders["post-hook"]!).Add("changed");
        foreach (var other in new[] { customers, Model(project, "orders") })
        {
            Assert.That(other.Tags, Is.EqualTo(new[] { "all" }));
            Assert.That(other.Meta.ContainsKey("changed"), Is.False);
            Assert.That(other["grants"], Is.EqualTo(new Dictionary<string, object?> { ["select"] = new List<object?> { "finance" } }));
            Assert.That(other.PostHook.Select(h => h.Sql), Is.EqualTo(new[] { "analyze {{ this }}" }));
        }
    }

    [Test]
    public void Generic_tests_of_one_yaml_file_do_not_share_their_config_collections()
    {
        using var dir = Project();
        var project = dir.LoadClean();
        var notNull = project.Schema.Tests.Single(t => t.Name == "not_null");
        var first = project.Configs.Resolve(notNull);
        ((List<object?>)first["tags"]!).Add("changed");
        ((Dictionary<string, object?>)first["meta"]!)["changed"] = true;
        var again = project.Configs.Resolve(notNull);
        Assert.That(again.Tags, Is.Empty);
        Assert.That(again.Meta.ContainsKey("changed"), Is.False);
        Assert.That(again.Severity, Is.EqualTo("warn"));
    }

    [Test]
    public void Hooks_in_long_form_keep_their_transaction_flag()
    {
        using var dir = new TempProjectDirectory("name: shop\nmodels:\n  +pre-hook:\n    - sql: vacuum\n      transaction: false\n    - select 1\n")
            .Write("models/a.sql", "select 1");
        var project = dir.LoadClean();
        Assert.That(project.Configs.Resolve(project.Models.Single()).PreHook, Is.EqualTo(new[] { new Hook("vacuum", false), new Hook("select 1") }));
    }

    [Test]
    public void Seeds_use_the_seeds_tree()
    {
        using var dir = Project();
        var project = dir.LoadClean();
        Assert.That(project.Configs.Resolve(project.Seeds.Single())["quote_columns"], Is.EqualTo(false));
    }

    [Test]
    public void Generic_tests_use_the_data_tests_tree_then_their_own_config()
    {
        using var dir = Project();
        var project = dir.LoadClean();
        var tests = project.Schema.Tests;
        var unique = project.Configs.Resolve(tests.Single(t => t.Name == "unique"));
        var notNull = project.Configs.Resolve(tests.Single(t => t.Name == "not_null"));
        Assert.That(unique.Severity, Is.EqualTo("error"));
        Assert.That(notNull.Severity, Is.EqualTo("warn"));
        Assert.That(notNull.Materialized, Is.EqualTo("test"));
        Assert.That(notNull["warn_if"], Is.EqualTo("!= 0"));
    }

    [Test]
    public void Source_tables_use_the_sources_tree_and_their_config()
    {
        using var dir = new TempProjectDirectory("name: shop\nsources:\n  shop:\n    raw:\n      +meta: {layer: raw}\n      events:\n        +enabled: false\n")
            .Write("models/s.yml", "sources:\n  - name: raw\n    tags: [landing]\n    tables:\n      - name: events\n      - name: users\n        config: {meta: {pii: true}}\n");
        var project = dir.LoadClean();
        var tables = project.Sources.Single().Tables;
        var events = project.Configs.Resolve(tables[0]);
        var users = project.Configs.Resolve(tables[1]);
        Assert.That(events.Enabled, Is.False);
        Assert.That(users.Enabled, Is.True);
        Assert.That(users.Tags, Is.EqualTo(new[] { "landing" }));
        Assert.That(users.Meta, Is.EqualTo(new Dictionary<string, object?> { ["layer"] = "raw", ["pii"] = true }));
    }

    [Test]
    public void Config_keys_are_normalised()
    {
        Assert.That(ConfigResolver.NormalizeKey("+pre_hook"), Is.EqualTo("pre-hook"));
        Assert.That(ConfigResolver.NormalizeKey("post_hook"), Is.EqualTo("post-hook"));
        Assert.That(ConfigResolver.NormalizeKey("+materialized"), Is.EqualTo("materialized"));
    }
}
