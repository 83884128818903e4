using System.Security.Cryptography;
using System.Text;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Live;

/// <summary>
/// The wrong-data findings of the SQL Server review (issue 15), each run on a real server: the
/// data forge writes is checked, not the text it sends. docs/sqlserver.md says what each case proves.
/// </summary>
internal sealed class SqlServerReviewLiveTests : LiveSqlServerTestBase
{
    private TempProject _project = null!;
    private string _schema = null!;

    [SetUp]
    public void Create()
    {
        _schema = UniqueSchema("forge_r");
        _project = new TempProject("review").WithProjectFile()
            .With("profiles.yml", Server.Profiles("review", _schema))
            .WithEnvironment("FORGE_LIVE_PASSWORD", Server.Password);
        Server.Scalar($"create schema [{_schema}]");
    }

    [TearDown]
    public void Delete()
    {
        _project.Dispose();
        Server.DropSchemas(_schema);
    }

    [Test]
    public void A_ref_to_a_model_in_another_database_reads_that_database()
    {
        var other = Server.Database + "_other";
        try
        {
            Server.Scalar($"create database [{other}]");
        }
        catch (Microsoft.Data.SqlClient.SqlException e)
        {
            Assert.Ignore($"the login may not create a second database: {e.Message}");
        }
        try
        {
            // A same-named table in the connection's database holds the wrong rows.
            Server.Scalar($"select 99 as id into [{_schema}].[facts]");
            _project.With("models/facts.sql", $"{{{{ config(materialized='table', database='{other}') }}}}\nselect 1 as id")
                .With("models/reader.sql", "{{ config(materialized='table') }}\nselect id from {{ ref('facts') }}");

            var result = _project.Forge("run");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(Server.Scalar($"select id from [{_schema}].[reader]"), Is.EqualTo(1));
        }
        finally
        {
            Microsoft.Data.SqlClient.SqlConnection.ClearAllPools();
            Server.Scalar($"alter database [{other}] set single_user with rollback immediate; drop database [{other}]");
        }
    }

    [Test]
    public void A_contract_numeric_without_precision_keeps_the_decimals()
    {
        _project.With("models/prices.sql", "{{ config(materialized='table') }}\nselect cast(12.34 as decimal(10,2)) as price")
            .With("models/schema.yml", """
                version: 2
                models:
                  - name: prices
                    config: {contract: {enforced: true}}
                    columns:
                      - name: price
                        data_type: numeric
                """);

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.All, Does.Contain("MF4600"));
        Assert.That(Server.Scalar($"select price from [{_schema}].[prices]"), Is.EqualTo(12.34m));
    }

    [Test]
    public void Hash_of_non_Latin_text_is_the_md5_of_its_UTF8_bytes()
    {
        _project.With("models/hashes.sql", "{{ config(materialized='table') }}\nselect {{ hash(\"N'東京'\") }} as tokyo, {{ hash(\"N'大阪'\") }} as osaka");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var row = Server.Rows($"select tokyo, osaka from [{_schema}].[hashes]").Single();
        Assert.That(row[0], Is.Not.EqualTo(row[1]));
        Assert.That(row[0], Is.EqualTo(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("東京")))));
    }

    [Test]
    public void Two_versions_updated_within_one_minute_get_different_scd_ids()
    {
        Server.Scalar($"select 1 as id, cast('2024-01-01T10:00:05' as datetime) as updated_at into [{_schema}].[src]");
        _project.With("snapshots/snap.sql", $$$"""
            {% snapshot snap %}
            {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', target_schema='{{{_schema}}}') }}
            select * from [{{{_schema}}}].[src]
            {% endsnapshot %}
            """);
        Assert.That(_project.Forge("snapshot").ExitCode, Is.EqualTo(0));
        Server.Scalar($"update [{_schema}].[src] set updated_at = cast('2024-01-01T10:00:40' as datetime)");

        var result = _project.Forge("snapshot");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Server.Scalar($"select count(distinct dbt_scd_id) from [{_schema}].[snap]"), Is.EqualTo(2));
    }

    [Test]
    public void A_select_star_view_over_a_rebuilt_view_sees_the_new_column()
    {
        _project.With("models/base.sql", "{{ config(materialized='view') }}\nselect 1 as id");
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        Server.Scalar($"exec('create view [{_schema}].[dependent] as select * from [{_schema}].[base]')");
        _project.With("models/base.sql", "{{ config(materialized='view') }}\nselect 1 as id, 2 as added");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Server.Scalar($"select count(*) from sys.columns where object_id = object_id('[{_schema}].[dependent]')"), Is.EqualTo(2));
    }

    [Test]
    public void The_check_strategy_records_a_case_only_and_a_trailing_space_change()
    {
        Server.Scalar($"select 1 as id, cast('smith' as varchar(20)) as name into [{_schema}].[people]");
        _project.With("snapshots/people_snap.sql", $$$"""
            {% snapshot people_snap %}
            {{ config(unique_key='id', strategy='check', check_cols='all', target_schema='{{{_schema}}}') }}
            select * from [{{{_schema}}}].[people]
            {% endsnapshot %}
            """);
        Assert.That(_project.Forge("snapshot").ExitCode, Is.EqualTo(0));
        Server.Scalar($"update [{_schema}].[people] set name = 'Smith'");
        Assert.That(_project.Forge("snapshot").ExitCode, Is.EqualTo(0));
        Server.Scalar($"update [{_schema}].[people] set name = 'Smith '");

        var result = _project.Forge("snapshot");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Server.Scalar($"select count(*) from [{_schema}].[people_snap]"), Is.EqualTo(3));
    }

    [Test]
    public void Accepted_values_pass_for_valid_non_Latin_values()
    {
        _project.With("models/cities.sql", "{{ config(materialized='table') }}\nselect cast(N'Łódź' as nvarchar(20)) as city union all select N'Kraków'")
            .With("models/schema.yml", """
                version: 2
                models:
                  - name: cities
                    columns:
                      - name: city
                        data_tests:
                          - accepted_values:
                              values: ['Łódź', 'Kraków']
                """);

        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
    }
}
