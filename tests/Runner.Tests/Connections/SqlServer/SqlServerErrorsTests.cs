using ModelForge.Runner.Connections.SqlServer;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.SqlServer;

public sealed class SqlServerErrorsTests
{
    [TestCase(515, true)]
    [TestCase(547, true)]
    [TestCase(2601, true)]
    [TestCase(2627, true)]
    [TestCase(208, false)]
    [TestCase(1205, false)]
    public void Constraint_violations_are_recognised_by_error_number(int number, bool violation) =>
        Assert.That(SqlServerErrors.IsConstraintViolationNumber(number), Is.EqualTo(violation));
}
