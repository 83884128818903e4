using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets.DuckDb;
using ModelForge.Compiler.Tests.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Targets.DuckDb;

/// The profile keys dbt-duckdb reads, turned into the statements forge runs on each connection.
public sealed class DuckDbSessionSetupTests
{
    private static (DuckDbTargetProfile? Target, IReadOnlyList<Diagnostics.Diagnostic> Diagnostics) Load(string output)
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n" + output);
        var (project, diagnostics) = dir.Load();
        return ((DuckDbTargetProfile?)project?.Target, diagnostics);
    }

    private static IEnumerable<string> Statements(string output)
    {
        var (target, diagnostics) = Load(output);
        Assert.That(diagnostics, Is.Empty);
        return DuckDbSessionSetup.For(target!).Select(s => s.Fallback is null ? s.Sql : $"{s.Sql} | {s.Fallback}");
    }

    [Test]
    public void Extensions_load_first_and_install_only_when_loading_fails()
    {
        Assert.That(Statements("      extensions:\n        - json\n        - name: spatial\n          repo: community\n        - name: h3\n          repo: 'https://example.org/ext'\n"),
            Is.EqualTo(new[]
            {
                "load json | install json",
                "load spatial | install spatial from community",
                "load h3 | install h3 from 'https://example.org/ext'",
            }));
    }

    [Test]
    public void Secrets_attachments_and_settings_follow_in_dbt_duckdbs_order()
    {
        var statements = Statements(string.Join("\n",
            "      settings:",
            "        memory_limit: 1GB",
            "        preserve_insertion_order: false",
            "      secrets:",
            "        - type: s3",
            "          key_id: AKIA",
            "          secret: \"it's\"",
            "          scope: [s3://a, s3://b]",
            "        - type: gcs",
            "          name: lake",
            "          provider: credential_chain",
            "          persistent: true",
            "      attach:",
            "        - path: lookup.duckdb",
            "          read_only: true",
            "        - path: 'dbname=shop host=db'",
            "          alias: pg",
            "          type: postgres",
            "          options:",
            "            schema: sales",
            "            skip: false",
            ""));

        var list = statements.ToList();
        Assert.That(list[0], Is.EqualTo("create or replace secret _dbt_secret_1 (type s3, key_id 'AKIA', secret 'it''s', scope 's3://a', scope 's3://b')"));
        Assert.That(list[1], Is.EqualTo("create or replace persistent secret lake (type gcs, provider credential_chain)"));
        Assert.That(list[2], Does.StartWith("attach if not exists '/").And.EndWith("/lookup.duckdb' (read_only)"));
        Assert.That(list[3], Is.EqualTo("attach if not exists 'dbname=shop host=db' as \"pg\" (type postgres, schema 'sales')"));
        Assert.That(list[4..], Is.EqualTo(new[] { "set memory_limit = '1GB'", "set preserve_insertion_order = 'false'" }));
    }

    [Test]
    public void Keep_open_and_attach_aliases_are_read()
    {
        var (target, diagnostics) = Load("      keep_open: false\n      database: lookup\n      attach:\n        - path: data/lookup.duckdb\n");

        Assert.That(diagnostics, Is.Empty);
        Assert.That(target!.KeepOpen, Is.False);
        Assert.That(target.Database, Is.EqualTo("lookup"));
        Assert.That(target.Attachments.Single().CatalogName, Is.EqualTo("lookup"));
    }

    [TestCase("      path: data/dev.duckdb\n      database: prod\n", "MF1074", "profiles.yml:7:17", "'database: prod' does not name the DuckDB file's catalog 'dev' nor an attach alias")]
    [TestCase("      extensions:\n        - 'json; drop table x'\n", "MF1070", "profiles.yml:7:11", "DuckDB extension entry 'json; drop table x' is not an extension name")]
    [TestCase("      extensions:\n        - repo: community\n", "MF1070", "profiles.yml:7:11", "DuckDB extension entry has no `name:`")]
    [TestCase("      secrets:\n        - key_id: x\n", "MF1071", "profiles.yml:7:11", "DuckDB secret entry has no `type:`")]
    [TestCase("      attach:\n        - alias: x\n", "MF1072", "profiles.yml:7:11", "attach entry has no `path:`")]
    [TestCase("      attach:\n        - path: x.duckdb\n          readonly: true\n", "MF1072", "profiles.yml:8:11", "attach entry has an unknown key 'readonly'")]
    [TestCase("      settings:\n        'memory limit': 1GB\n", "MF1073", "profiles.yml:7:9", "DuckDB setting 'memory limit' is not a setting name")]
    public void A_malformed_entry_is_reported_at_its_line(string output, string code, string at, string message)
    {
        var (_, diagnostics) = Load(output);

        var error = diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(code));
        Assert.That(error.Span!.Value.ToString(), Is.EqualTo(at));
        Assert.That(error.Message, Is.EqualTo(message));
        Assert.That(error.Hint, Is.Not.Empty);
    }
}
