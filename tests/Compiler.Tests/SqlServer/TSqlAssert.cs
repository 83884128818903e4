using ModelForge.Compiler.Analysis.TSql;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SqlServer;

/// <summary>Asserts that ScriptDom (T-SQL 2022) parses a text with zero errors.</summary>
internal static class TSqlAssert
{
    public static void Parses(string sql, string? because = null)
    {
        var errors = TSqlParsing.Errors(sql);
        Assert.That(errors, Is.Empty, $"{because}\nT-SQL that ScriptDom rejects:\n{sql}\nerrors: {string.Join("; ", errors)}");
    }
}
