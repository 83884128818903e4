using ModelForge.Compiler.Analysis.TSql;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Analysis;

/// <summary>Valid SQL Server 2022 models validate (the default grammar is TSql160Parser).</summary>
public sealed class TSql2022SyntaxTests
{
    [TestCase("select id from raw.orders where status is distinct from 'placed'", TestName = "IS DISTINCT FROM validates")]
    [TestCase("select id, sum(amount) over w as running from raw.orders window w as (partition by customer_id order by id)", TestName = "A WINDOW clause validates")]
    [TestCase("select json_object('id': id, 'status': status) as doc from raw.orders", TestName = "JSON_OBJECT validates")]
    [TestCase("select greatest(amount, 0) as amount, least(amount, 100) as capped from raw.orders", TestName = "GREATEST and LEAST validate")]
    public void Sql_server_2022_syntax_parses_without_errors(string sql)
    {
        Assert.That(TSqlParsing.Errors(sql), Is.Empty);
    }

    [Test]
    public void A_real_syntax_error_is_still_reported()
    {
        Assert.That(TSqlParsing.Errors("select id,, from raw.orders"), Is.Not.Empty);
    }
}
